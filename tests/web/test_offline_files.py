"""The dashboard's files ship with the package and load nothing from elsewhere."""

from __future__ import annotations

import hashlib
import json
import re
from importlib import resources

STATIC = resources.files("tidings.web").joinpath("static")


def test_vendored_libraries_match_their_manifest():
    manifest = json.loads(STATIC.joinpath("vendor", "vendor.json").read_text())
    assert {e["package"] for e in manifest.values()} == {"vega", "vega-lite", "vega-embed"}
    for name, entry in manifest.items():
        data = STATIC.joinpath("vendor", name).read_bytes()
        assert hashlib.sha256(data).hexdigest() == entry["sha256"], name
        assert STATIC.joinpath("vendor", entry["licence"]).read_text().strip()


def test_the_vendored_versions_are_those_vl_convert_draws_with():
    import vl_convert

    from tidings.web.charts import VEGA_LITE_VERSION
    from tidings.web.vendor import PACKAGES

    assert PACKAGES["vega"][0] == vl_convert.get_vega_version()
    assert PACKAGES["vega-embed"][0] == vl_convert.get_vega_embed_version()
    assert PACKAGES["vega-lite"][0].startswith(VEGA_LITE_VERSION) and VEGA_LITE_VERSION in vl_convert.get_vegalite_versions()


def test_pages_refer_only_to_their_own_server():
    for name in ("index.html", "app.css", "app.js"):
        text = STATIC.joinpath(name).read_text()
        urls = re.findall(r"(?:https?:)?//[\w.-]+\.[a-z]{2,}[^\s\"'`)]*", text)
        # the one URL is Vega-Lite's schema id, which names the spec version and is never fetched
        assert all(u.startswith("https://vega.github.io/schema/vega-lite/") for u in urls), (name, urls)
    html = STATIC.joinpath("index.html").read_text()
    assert all(src.startswith("/static/") for src in re.findall(r'(?:src|href)="([^"#]+)"', html)
               if not src.startswith(("data:", "/docs")))
