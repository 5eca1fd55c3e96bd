#!/usr/bin/env python3
"""Rewrites the steps of consult-walkthrough.sh from the bash examples of docs/consult.md.

The script keeps its own header and helpers (everything up to the "# --- walkthrough" line); the steps after it
are the page's bash blocks from "## Try it with curl" on, in order, without the two blocks that load and show the
helpers and without the sample answers (comment lines right under a command or under another answer line).
With --check it changes nothing and exits 1 when the script and the page differ.

    python3 docs/examples/consult-walkthrough-from-doc.py [--check]
"""
import pathlib
import re
import sys

HERE = pathlib.Path(__file__).resolve().parent
DOC = HERE.parent / "consult.md"
SCRIPT = HERE / "consult-walkthrough.sh"
MARK = "\n# --- walkthrough"  # at the start of a line


def steps(markdown):
    markdown = markdown[markdown.index("## Try it with curl"):]
    out = []
    for block in re.findall(r"```bash\n(.*?)```\n", markdown, re.S):
        if "source <(" in block or "token() {" in block:
            continue
        kept, previous = [], "blank"
        for line in block.split("\n"):
            if line.startswith("#"):
                if previous in ("command", "answer"):
                    previous = "answer"
                    continue
                previous = "comment"
            else:
                previous = "blank" if not line.strip() else "command"
            kept.append(line)
        out.append("\n".join(kept).rstrip("\n"))
    return out


def main():
    old = SCRIPT.read_text(encoding="utf-8")
    header = old[:old.index("\n", old.index(MARK) + 1) + 1]
    new = (header + "\n" + "\n\n".join(steps(DOC.read_text(encoding="utf-8")))
           + '\n\necho\necho "walkthrough done: consult $CONSULT"\n')
    if "--check" in sys.argv[1:]:
        if new != old:
            print(f"{SCRIPT.name} differs from the examples of {DOC.name}; run {pathlib.Path(__file__).name}")
            return 1
        return 0
    SCRIPT.write_text(new, encoding="utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main())
