"""Vendor the dashboard's charting library from npm into the package: ``python -m tidings.web.vendor``.

Vega, Vega-Lite and vega-embed, at the versions vl-convert bundles (so the dashboard and
``tidings relations --plot`` draw alike), are fetched with ``npm pack`` (which checks each
tarball against the registry's integrity hash), and their minified browser builds and licences
are copied to ``static/vendor/`` with a manifest of SHA-256 sums. The files are committed: the
dashboard needs no network, no CDN and no npm at run time.
"""

from __future__ import annotations

import hashlib
import json
import subprocess
import tarfile
import tempfile
from pathlib import Path

PACKAGES = {  # npm package: (version, file in the tarball)
    "vega": ("6.2.0", "package/build/vega.min.js"),
    "vega-lite": ("6.4.0", "package/build/vega-lite.min.js"),
    "vega-embed": ("7.0.2", "package/build/vega-embed.min.js"),
}
VENDOR = Path(__file__).parent / "static" / "vendor"
MANIFEST = VENDOR / "vendor.json"


def sha256(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def vendor() -> dict:
    VENDOR.mkdir(parents=True, exist_ok=True)
    manifest = {}
    with tempfile.TemporaryDirectory() as tmp:
        specs = [f"{name}@{version}" for name, (version, _) in PACKAGES.items()]
        packed = subprocess.run(["npm", "pack", "--json", *specs], cwd=tmp, check=True, capture_output=True,
                                text=True)
        info = {entry["name"]: entry for entry in json.loads(packed.stdout)}
        for name, (version, member) in PACKAGES.items():
            with tarfile.open(Path(tmp) / info[name]["filename"]) as tar:
                target = VENDOR / Path(member).name
                target.write_bytes(tar.extractfile(member).read())
                licence = tar.extractfile("package/LICENSE").read()
                (VENDOR / f"{name}.LICENSE.txt").write_bytes(licence)
            manifest[target.name] = {"package": name, "version": version, "integrity": info[name]["integrity"],
                                     "sha256": sha256(target), "licence": f"{name}.LICENSE.txt"}
    MANIFEST.write_text(json.dumps(manifest, indent=2) + "\n")
    return manifest


if __name__ == "__main__":
    for file, entry in vendor().items():
        print(f"{file}: {entry['package']} {entry['version']} sha256 {entry['sha256'][:16]}")
