"""Command line: ``python -m etl build|check|samples|current|templates|report|docs``.

Exit codes: 0 done; 1 not published / rejects found; 2 usage error.
"""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

from core.paths import samples_dir
from etl import build as build_mod
from etl import report as report_mod
from etl.check import check_files, print_check, result_json
from etl.publish import BuildLockedError
from etl.samples import generate_all


def _parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="python -m etl", description=__doc__)
    commands = parser.add_subparsers(dest="command", required=True)
    b = commands.add_parser("build", help="build and publish a new warehouse version")
    b.add_argument(
        "--inbox",
        action="append",
        type=Path,
        default=[],
        metavar="DIR",
        help="folder (or file) with input spreadsheets; repeatable",
    )
    b.add_argument("--samples", action="store_true", help="build from the generated samples")
    b.add_argument(
        "--accept-shrink",
        action="store_true",
        help="publish even when a table shrinks beyond the threshold against the published version",
    )
    b.add_argument(
        "--dry-run", action="store_true", help="build and compare with the published version only"
    )
    b.add_argument("--json", action="store_true", help="print the outcome as JSON")
    c = commands.add_parser("check", help="dry run: what each file would load or reject")
    c.add_argument("files", nargs="+", type=Path, metavar="FILE")
    c.add_argument("--json", action="store_true", help="print the outcome as JSON")
    s = commands.add_parser("samples", help="write the sample spreadsheets")
    s.add_argument("--scale", type=int, default=1, help="multiply rows (benchmarks)")
    s.add_argument("--out", type=Path, default=None, help="folder (default data/samples)")
    commands.add_parser("current", help="print the path of the published warehouse file")
    t = commands.add_parser("templates", help="write the blank spreadsheet templates")
    t.add_argument("--out", type=Path, default=None, help="folder (default data/templates)")
    report_mod.add_parser(commands)
    commands.add_parser("docs", help="write docs/warehouse.md from the warehouse schema")
    return parser


def write_templates(out: Path | None) -> list[Path]:
    """Every blank template: the member lists, the statistics template, the energy ones and
    the project records."""
    from core.paths import TEMPLATES_DIR
    from etl.energy.templates import write_templates as write_energy_templates
    from etl.memberlist.templates import write_templates as write_member_templates
    from etl.readers import longformat
    from etl.records.templates import write_templates as write_record_templates

    folder = out or TEMPLATES_DIR
    paths = write_member_templates(folder)
    writer = getattr(longformat, "write_template", None)
    if callable(writer):
        paths.append(writer(folder / longformat.TEMPLATE_PATH.name))
    paths.extend(write_energy_templates(folder))
    paths.extend(write_record_templates(folder))
    return paths


def print_summary(report: build_mod.BuildReport) -> None:
    width = max([len(r.file) for r in report.results] + [4])
    print(f"{'file':<{width}}  {'kind':<22} {'accepted':>9} {'rejected':>9} {'skipped':>8}")
    for r in report.results:
        print(f"{r.file:<{width}}  {r.kind:<22} {r.accepted:>9} {len(r.rejects):>9} {r.skipped:>8}")
    print(f"total accepted {report.accepted}, rejected {report.rejected}")


def main(argv: list[str] | None = None) -> int:
    args = _parser().parse_args(argv)
    if args.command == "report":
        return report_mod.main(args)
    if args.command == "current":
        version = build_mod.published()
        if version is None:
            print("no published warehouse", file=sys.stderr)
            return 1
        print(version.path)
        return 0
    if args.command == "docs":
        from etl.schema import write

        print(write())
        return 0
    if args.command == "templates":
        for path in write_templates(args.out):
            print(path)
        return 0
    if args.command == "samples":
        if args.scale < 1:
            print("--scale must be 1 or more", file=sys.stderr)
            return 2
        for path in generate_all(args.out or samples_dir(), args.scale):
            print(path)
        return 0
    if args.command == "check":
        missing = [str(p) for p in args.files if not p.exists() and not p.is_symlink()]
        if missing:
            print(f"no such file: {', '.join(missing)}", file=sys.stderr)
            return 2
        results = check_files(args.files)
        if args.json:
            print(json.dumps({"files": [result_json(r) for r in results]}, default=str))
        else:
            print_check(results)
        return 0 if all(not r.rejects for r in results) else 1
    missing = [str(p) for p in args.inbox if not p.exists() and not p.is_symlink()]
    if missing:
        print(f"no such inbox: {', '.join(missing)}", file=sys.stderr)
        return 2
    return run_build(args)


def run_build(args: argparse.Namespace) -> int:
    outcome: dict[str, object] = {"published": None, "error": None}
    code = 0
    report: build_mod.BuildReport | None = None
    try:
        report = build_mod.build(
            args.inbox,
            use_samples=args.samples,
            accept_shrink=args.accept_shrink,
            dry_run=args.dry_run,
        )
        if args.dry_run:
            gate = report.gate
            code = 1 if gate.unreadable or gate.shrinks else 0
        else:
            assert report.version is not None
            outcome["published"] = str(report.version.path)
    except BuildLockedError as exc:
        outcome["error"], code = str(exc), 1
    except build_mod.QualityGateError as exc:
        outcome["error"], code = f"quality checks failed: {exc}", 1
    except build_mod.PublishGateError as exc:
        report = exc.report
        outcome["error"], code = f"publish gate: {exc}", 1
    if args.json:
        if report is not None:
            outcome["gate"] = report.gate.as_json()
            outcome["files"] = [result_json(r) for r in report.results]
        print(json.dumps(outcome, default=str))
        return code
    if report is not None:
        print_summary(report)
    if outcome["error"]:
        print(f"not published: {outcome['error']}", file=sys.stderr)
    elif outcome["published"]:
        print(f"published {outcome['published']}")
    if report is not None and report.version is not None:
        real = build_mod.real_data_without_sign_in(report.version)
        if real:
            print(
                f"warning: {real} rows of real member or project data are published but sign-in is "
                "not configured: the dashboard shows no data until [auth] and [dia] are set in "
                ".streamlit/secrets.toml (see docs/access.md)",
                file=sys.stderr,
            )
    return code


if __name__ == "__main__":
    sys.exit(main())
