#!/usr/bin/env python3
"""Rewrites every marked java block of README.md and docs/*.md from its compiled source, as DocSnippetsTest
(samples/src/test/java/dev/fakeecs/samples/docs) expects it: the imports the region uses, then the region.

Run from the repository root after changing a snippet's region: python3 samples/src/build/refresh-snippets.py
"""
import os
import re
import sys

MODULES = ["fake-ecs", "dsl", "junit-extension", "samples", "samples-spring-boot"]
SNIPPET = re.compile(r"(<!-- snippet: ([^#]+)#([A-Za-z0-9-]+) -->\s*```java\n)(.*?)(```)", re.S)


def dedent(text):
    lines = text.splitlines()
    indents = [len(l) - len(l.lstrip()) for l in lines if l.strip()]
    ind = min(indents) if indents else 0
    return "".join(("" if not l.strip() else l[ind:]) + "\n" for l in lines)


def region(source, name):
    start = source.index("// " + name + "-START")
    end = source.index("// " + name + "-END")
    body = source[source.index("\n", start) + 1:source.rindex("\n", 0, end) + 1]
    return dedent(body)


def same_package(root, path, source):
    m = re.search(r"(?m)^package ([\w.]+);", source)
    if not m:
        return []
    own = os.path.basename(path)[:-5]
    names = set()
    for module in MODULES:
        for s in ("main", "test"):
            d = os.path.join(root, module, "src", s, "java", *m.group(1).split("."))
            if os.path.isdir(d):
                for f in os.listdir(d):
                    if f.endswith(".java") and f[:-5] not in (own, "package-info"):
                        names.add("import " + m.group(1) + "." + f[:-5] + ";")
    return sorted(names)


def expected(source, name, same):
    body = region(source, name)
    first = next((l for l in body.splitlines() if l.strip()), "")
    if first.startswith("import ") or first.startswith("package "):
        return body
    lines = [l.strip() for l in source.splitlines()]
    imports = [l for l in lines if l.startswith("import ") and not l.startswith("import static ")]
    imports += same
    imports += [l for l in lines if l.startswith("import static ")]
    header = ""
    last_static = None
    for line in imports:
        is_static = line.startswith("import static ")
        qualified = line[len("import static ") if is_static else len("import "):-1]
        simple = qualified[qualified.rfind(".") + 1:]
        if simple == "*" or not re.search(r"(?<![.\w])" + re.escape(simple) + r"\b", body):
            continue
        if last_static is not None and last_static != is_static:
            header += "\n"
        header += line + "\n"
        last_static = is_static
    return body if not header else header + "\n" + body


def main():
    root = os.getcwd()
    docs = [os.path.join(root, "README.md")] + sorted(
        os.path.join(root, "docs", f) for f in os.listdir(os.path.join(root, "docs")) if f.endswith(".md"))
    changed = 0
    for doc in docs:
        text = open(doc, encoding="utf-8").read()

        def repl(m):
            path = os.path.join(root, m.group(2).strip())
            source = open(path, encoding="utf-8").read()
            return m.group(1) + expected(source, m.group(3), same_package(root, path, source)) + m.group(5)

        new = SNIPPET.sub(repl, text)
        if new != text:
            open(doc, "w", encoding="utf-8").write(new)
            changed += 1
            print("refreshed", os.path.relpath(doc, root))
    return 0 if changed >= 0 else 1


if __name__ == "__main__":
    sys.exit(main())
