"""Command line: ``python -m etl build|check|samples|current|templates|report|docs``.

Exit codes: 0 done; 1 not published / rejects found; 2 usage error.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from core.paths import samples_dir
from etl import build as build_mod
from etl import report as report_mod
from etl.check import check_files, print_check
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
    c = commands.add_parser("check", help="dry run: what each file would load or reject")
    c.add_argument("files", nargs="+", type=Path, metavar="FILE")
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
        missing = [str(p) for p in args.files if not p.exists()]
        if missing:
            print(f"no such file: {', '.join(missing)}", file=sys.stderr)
            return 2
        results = check_files(args.files)
        print_check(results)
        return 0 if all(not r.rejects for r in results) else 1
    missing = [str(p) for p in args.inbox if not p.exists()]
    if missing:
        print(f"no such inbox: {', '.join(missing)}", file=sys.stderr)
        return 2
    try:
        report = build_mod.build(args.inbox, use_samples=args.samples)
    except BuildLockedError as exc:
        print(f"not published: {exc}", file=sys.stderr)
        return 1
    except build_mod.QualityGateError as exc:
        print(f"not published: quality checks failed: {exc}", file=sys.stderr)
        return 1
    print_summary(report)
    assert report.version is not None
    print(f"published {report.version.path}")
    real = build_mod.real_data_without_sign_in(report.version)
    if real:
        print(
            f"warning: {real} rows of real member or project data are published but sign-in is "
            "not configured: the dashboard shows no data until [auth] and [dia] are set in "
            ".streamlit/secrets.toml (see docs/access.md)",
            file=sys.stderr,
        )
    return 0


if __name__ == "__main__":
    sys.exit(main())
