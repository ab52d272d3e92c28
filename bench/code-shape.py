#!/usr/bin/env python3
"""Figures of the code's shape, from the compiled classes of a built tree (mvn compile first).

Prints: files per package (main sources), the widest port (abstract methods of an interface in a
port package), and the project types on the path of a use case: the classes of the application
ring and the domain that its implementation reaches, following class dependencies (jdeps), with
nested classes folded into their outer class.

Usage: bench/code-shape.py [tree] [UseCaseImplementation ...]
"""
import collections, os, re, subprocess, sys

tree = sys.argv[1] if len(sys.argv) > 1 else "."
entries = sys.argv[2:] or ["SignInService", "GetSessionService", "SigningKeyRing"]
java_home = os.environ.get("JAVA_HOME", "/usr/lib/jvm/temurin-25-jdk-amd64")

packages = collections.Counter()
for module in sorted(os.listdir(tree)):
    src = os.path.join(tree, module, "src/main/java")
    for root, _, files in os.walk(src):
        count = sum(f.endswith(".java") and f != "package-info.java" for f in files)
        if count:
            packages[os.path.relpath(root, src).replace("/", ".")] += count
print("files per package (main sources): %d packages, most %d, median %d" % (
    len(packages), max(packages.values()), sorted(packages.values())[len(packages) // 2]))
for name, count in packages.most_common(5):
    print("  %3d  %s" % (count, name))

ports = []
for root, _, files in os.walk(os.path.join(tree, "auth-application/src/main/java")):
    if "/port/" not in root + "/":
        continue
    for f in files:
        text = open(os.path.join(root, f)).read()
        if not re.search(r"^public (sealed )?interface", text, re.M):
            continue
        body = text[text.index("interface"):]
        top = re.findall(r"^    (?!default |static |private |record |sealed |interface |enum |/|\*| \*|@)[\w<>\[\], ?.]+ \w+\([^;{]*\);",
                         body, re.M)
        ports.append((len(top), f[:-5]))
ports.sort(reverse=True)
print("widest ports (abstract methods): " + ", ".join("%s %d" % (n, c) for c, n in ports[:4]))

classes = [os.path.join(tree, m, "target/classes") for m in ("auth-domain", "auth-application")]
out = subprocess.run([os.path.join(java_home, "bin/jdeps"), "-verbose:class", "-filter:none", *classes],
                     capture_output=True, text=True, check=True).stdout
edges = collections.defaultdict(set)
outer = lambda name: name.split("$")[0]
for line in out.splitlines():
    m = re.match(r"\s+(dev\.momentum\.\S+)\s+->\s+(dev\.momentum\.\S+)", line)
    if m:
        edges[outer(m.group(1))].add(outer(m.group(2)))
for entry in entries:
    start = [c for c in edges if c.endswith("." + entry)]
    seen, todo = set(start), list(start)
    while todo:
        for nxt in edges[todo.pop()]:
            if nxt not in seen:
                seen.add(nxt)
                todo.append(nxt)
    print("types on the path of %s: %d (application %d, domain %d)" % (entry, len(seen),
          sum(".application." in c for c in seen), sum(".domain." in c for c in seen)))
