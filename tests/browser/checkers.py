"""The web industry's own checkers, installed from the repository's package.json (`npm ci`): axe-core, injected
into the page, and the Nu HTML checker (vnu-jar), run with the machine's Java."""

import json
import shutil
import subprocess
from pathlib import Path

NODE_MODULES = Path(__file__).resolve().parents[2] / "node_modules"
AXE = NODE_MODULES / "axe-core" / "axe.min.js"
VNU = NODE_MODULES / "vnu-jar" / "build" / "dist" / "vnu.jar"


def missing():
    """Why the checkers cannot run here, or None."""
    if not AXE.exists() or not VNU.exists():
        return f"axe-core or vnu-jar is not installed under {NODE_MODULES} (npm ci)"
    if shutil.which("java") is None:
        return "no java for the Nu HTML checker (apt-get install default-jre-headless)"
    return None


def axe_violations(page):
    """axe-core's violations of the page as loaded: every rule of WCAG 2.0, 2.1 and 2.2 A and AA and axe's best
    practices, as "rule: what (selectors)" lines."""
    page.add_script_tag(path=str(AXE))
    results = page.evaluate(
        """() => axe.run(document, {runOnly: {type: "tag", values:
               ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa", "best-practice"]}})"""
    )
    return [
        f"{violation['id']}: {violation['help']} ({', '.join(str(node['target']) for node in violation['nodes'][:5])})"
        for violation in results["violations"]
    ]


def html_errors(documents, folder):
    """The Nu HTML checker's errors for {name: html}, as "name:line: message" lines. One Java start for all."""
    paths = []
    for name, html in documents.items():
        path = Path(folder) / f"{name}.html"
        path.write_text(html, encoding="utf-8")
        paths.append(path)
    # The checker recurses deeply on long documents: its stack must be larger than Java's default.
    result = subprocess.run(  # noqa: S603 (fixed arguments)
        ["java", "-Xss4m", "-jar", str(VNU), "--format", "json", "--exit-zero-always", *map(str, paths)],  # noqa: S607
        capture_output=True,
        text=True,
        check=True,
        timeout=300,
    )
    messages = json.loads(result.stderr or result.stdout)["messages"]
    return [
        f"{Path(message['url']).stem}:{message.get('lastLine', '?')}: {message['message']}"
        for message in messages
        if message["type"] == "error" or message.get("subType") == "fatal"
    ]
