"""Build the offline installation bundle: ``python scripts/make_bundle.py --platform windows|linux``.

The bundle is a folder (and a .zip of it) with the project's wheel, a wheel of
every dependency for that platform and each supported Python version, and an
installer that needs no network: «Установить.bat» / «установить.sh» find Python
and run ``install.py``, which installs with ``pip --no-index``. Why a bundle:
the curator's computer is often offline or behind a filter, and the project's
name on a public index could one day belong to someone else (see issue 16).

``--verify`` proves the bundle installs offline for every Python version it
claims: ``pip install --dry-run --no-index`` against the bundle's wheels for
the bundle's platform, with every pip configuration file ignored.
"""

from __future__ import annotations

import argparse
import json
import os
import re
import shutil
import subprocess
import sys
import tempfile
import zipfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
TEMPLATES = Path(__file__).resolve().parent / "bundle"
VERSIONS = ("3.10", "3.11", "3.12", "3.13", "3.14")
# glibc 2.28 is the oldest in the Linux systems Russian schools use (Astra 1.7, РЕД ОС 7.3): no newer wheel tags.
LINUX_TAGS = ("manylinux2014_x86_64", *(f"manylinux_2_{n}_x86_64" for n in range(17, 29)))
PLATFORMS = {
    "windows": {"tags": ("win_amd64",), "files": {"Установить.bat": "Установить.bat", "Удалить.bat": "Удалить.bat",
                                                  "УСТАНОВКА-windows.txt": "УСТАНОВКА.txt"}},
    "linux": {"tags": LINUX_TAGS, "files": {"установить.sh": "установить.sh", "удалить.sh": "удалить.sh",
                                            "УСТАНОВКА-linux.txt": "УСТАНОВКА.txt"}},
}


def project_version() -> str:
    """The version's one source is ``nastavnik.__version__`` (pyproject.toml reads it too)."""
    text = (ROOT / "nastavnik" / "__init__.py").read_text(encoding="utf-8")
    return re.search(r'^__version__\s*=\s*"([^"]+)"', text, re.MULTILINE).group(1)


def pip(*args, isolated: bool = False) -> None:
    env = dict(os.environ)
    if isolated:  # nothing but the bundle: no pip.conf, no PIP_FIND_LINKS, no extra index
        env = {k: v for k, v in env.items() if not k.upper().startswith("PIP_")}
        env["PIP_CONFIG_FILE"] = os.devnull
    cmd = [sys.executable, "-m", "pip", *(["--isolated"] if isolated else []), *map(str, args)]
    print("$", " ".join(cmd[2:]), flush=True)
    subprocess.run(cmd, check=True, env=env)


def build_wheel(into: Path) -> Path:
    pip("wheel", "--no-deps", "--quiet", "-w", into, ROOT)
    wheels = sorted(into.glob(f"nastavnik-{project_version()}-*.whl"))
    if not wheels:
        sys.exit("Колесо программы не собралось.")
    return wheels[-1]


def download(project: Path, wheels: Path, platform: str, versions: list[str]) -> None:
    tags = [a for t in PLATFORMS[platform]["tags"] for a in ("--platform", t)]
    for version in versions:
        pip("download", "--quiet", "--only-binary=:all:", *tags, "--python-version", version,
            "--implementation", "cp", "-d", wheels, project)


def fill(text: str, manifest: dict, crlf: bool) -> str:
    newest_first = sorted(manifest["python_versions"], key=lambda v: tuple(map(int, v.split("."))), reverse=True)
    versions = manifest["python_versions"]
    text = (text.replace("@VERSIONS@", " ".join(newest_first))
            .replace("@PYTHONS@", " ".join(f"python{v}" for v in newest_first))
            .replace("@VERSION@", manifest["version"])
            .replace("@VERSION_RANGE@", versions[0] if len(versions) == 1 else f"{versions[0]}–{versions[-1]}"))
    text = text.replace("\r\n", "\n")
    return text.replace("\n", "\r\n") if crlf else text


def lay_out(folder: Path, platform: str, manifest: dict) -> None:
    windows = platform == "windows"
    shutil.copy2(TEMPLATES / "install.py", folder / "install.py")
    for source, name in PLATFORMS[platform]["files"].items():
        text = fill((TEMPLATES / source).read_text(encoding="utf-8"), manifest, crlf=windows)
        bom = "\ufeff" if windows and name.endswith(".txt") else ""  # old Notepad needs it to see UTF-8
        (folder / name).write_bytes((bom + text).encode("utf-8"))
        if name.endswith(".sh"):
            (folder / name).chmod(0o755)
    (folder / "bundle.json").write_text(json.dumps(manifest, ensure_ascii=False, indent=2) + "\n", encoding="utf-8")


def make_zip(folder: Path) -> Path:
    """A .zip of the folder; names are stored as UTF-8 and the .sh files keep their executable bit."""
    target = folder.parent / f"{folder.name}.zip"
    tmp = target.with_name(f".{target.name}.tmp")
    with zipfile.ZipFile(tmp, "w", zipfile.ZIP_DEFLATED) as zf:
        for path in sorted(folder.rglob("*")):
            if path.is_file():
                info = zipfile.ZipInfo.from_file(path, f"{folder.name}/{path.relative_to(folder).as_posix()}")
                info.compress_type = zipfile.ZIP_STORED if path.suffix == ".whl" else zipfile.ZIP_DEFLATED
                with path.open("rb") as src, zf.open(info, "w") as dst:
                    shutil.copyfileobj(src, dst, 1 << 20)
    os.replace(tmp, target)
    return target


def build(platform: str, versions: list[str], out: Path, wheel: Path | None, zip_it: bool) -> Path:
    version = project_version()
    out.mkdir(parents=True, exist_ok=True)
    final = out / f"nastavnik-{version}-{platform}"
    work = Path(tempfile.mkdtemp(prefix=f".{final.name}.", dir=out)) / final.name
    (work / "wheels").mkdir(parents=True)
    try:
        project = Path(shutil.copy2(wheel, work / "wheels")) if wheel else build_wheel(work / "wheels")
        download(project, work / "wheels", platform, versions)
        manifest = {"name": "nastavnik", "version": version, "platform": platform, "python_versions": versions,
                    "wheel": project.name, "platform_tags": list(PLATFORMS[platform]["tags"]),
                    "wheels": sorted(p.name for p in (work / "wheels").glob("*.whl"))}
        lay_out(work, platform, manifest)
        if final.exists():
            shutil.rmtree(final)
        os.replace(work, final)
    finally:
        shutil.rmtree(work.parent, ignore_errors=True)
    size = sum(p.stat().st_size for p in final.rglob("*") if p.is_file())
    print(f"Пакет: {final} — колёс {len(manifest['wheels'])}, {size / 2**20:.0f} МБ, Python {', '.join(versions)}")
    if zip_it:
        print(f"Архив: {make_zip(final)}")
    return final


def verify(bundle: Path) -> None:
    """Resolve the install offline, for the bundle's platform and each of its Python versions.

    ``pip download --no-index`` from the bundle's own wheels, not ``pip install --dry-run --target``: pip 23
    checks a dry run's Requires-Python against the running interpreter, not against ``--python-version``.
    """
    manifest = json.loads((bundle / "bundle.json").read_text(encoding="utf-8"))
    tags = [a for t in manifest["platform_tags"] for a in ("--platform", t)]
    for version in manifest["python_versions"]:
        with tempfile.TemporaryDirectory() as target:
            pip("download", "--quiet", "--no-index", "--find-links", bundle / "wheels", "--only-binary=:all:",
                *tags, "--python-version", version, "--implementation", "cp", "-d", target,
                f"nastavnik=={manifest['version']}", isolated=True)
        print(f"Python {version}, {manifest['platform']}: все зависимости есть в пакете.")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description="Собрать установочный пакет без интернета.")
    parser.add_argument("--platform", choices=sorted(PLATFORMS), required=True)
    parser.add_argument("--python-versions", default=",".join(VERSIONS),
                        help="версии Python через запятую (по умолчанию %(default)s)")
    parser.add_argument("--out", type=Path, default=ROOT / "dist")
    parser.add_argument("--wheel", type=Path, help="готовое колесо программы (иначе собирается из проекта)")
    parser.add_argument("--no-zip", action="store_true", help="только папка, без архива")
    parser.add_argument("--verify", action="store_true", help="проверить, что пакет ставится без сети")
    args = parser.parse_args(argv)
    versions = [v.strip() for v in args.python_versions.split(",") if v.strip()]
    bundle = build(args.platform, versions, args.out, args.wheel, not args.no_zip)
    if args.verify:
        verify(bundle)
    return 0


if __name__ == "__main__":
    sys.exit(main())
