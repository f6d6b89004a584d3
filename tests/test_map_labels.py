"""Place names on maps: kept labels never overlap, larger areas win, names come from the map."""

from __future__ import annotations

import itertools

import plotly.graph_objects as go

from dia.render.map_labels import Label, _overlaps, label_map, place


def test_kept_labels_never_overlap_and_priority_decides() -> None:
    # Three labels on one spot and one far away: only the most important of the three stays.
    crowd = [
        (Label("Emmen", 6.9, 52.78), 10.0),
        (Label("Coevorden", 6.9, 52.78), 5.0),
        (Label("Twist", 6.91, 52.781), 1.0),
        (Label("Papenburg", 7.4, 53.08), 2.0),
    ]
    kept = place(crowd)
    assert [label.text for label in kept] == ["Emmen", "Papenburg"]
    for a, b in itertools.combinations(kept, 2):
        assert not _overlaps(a.box(), b.box())


def test_label_map_names_regions_from_hover_and_the_two_sides() -> None:
    squares = {
        "type": "FeatureCollection",
        "features": [
            {
                "type": "Feature",
                "id": rid,
                "properties": {},
                "geometry": {
                    "type": "Polygon",
                    "coordinates": [
                        [[x, 52.6], [x + 0.3, 52.6], [x + 0.3, 52.9], [x, 52.9], [x, 52.6]]
                    ],
                },
            }
            for rid, x in (("GM0114", 6.8), ("034545401", 7.3))
        ],
    }
    figure = go.Figure(
        go.Choropleth(
            geojson=squares,
            locations=["GM0114", "034545401"],
            z=[100, 10],
            text=["<b>Emmen</b> (gemeente)", "<b>Dörpen</b> (Samtgemeinde)"],
        )
    )
    labelled = label_map(figure, "de")
    texts = [t for trace in labelled.data if trace.type == "scattergeo" for t in trace.text]
    assert "Emmen" in texts and "Dörpen" in texts
    assert any("Zuidoost-Drenthe (NL)" in t for t in texts)
    assert any("Landkreis Emsland (DE)" in t for t in texts)
    # Emmen has the deep fill (top of the range): its label is white.
    white = next(
        t for t in labelled.data if t.type == "scattergeo" and t.textfont.color == "#ffffff"
    )
    assert list(white.text) == ["Emmen"]
