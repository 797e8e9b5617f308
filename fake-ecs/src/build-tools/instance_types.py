# generates instance-types.csv: name,vcpus,memoryMiB,gpus,architecture,maxEnis
rows = []
def add(name, vcpu, gib, arch="x86_64", gpus=0, enis=None):
    size = name.split(".")[1]
    if enis is None:
        enis = std_enis(size, vcpu)
    rows.append((name, vcpu, int(round(gib * 1024)), gpus, arch, enis))

def std_enis(size, vcpu):
    if size in ("nano", "micro"): return 2
    if size == "small": return 3
    if size == "medium": return 2
    if size == "large": return 3
    if size in ("xlarge", "2xlarge", "3xlarge"): return 4
    if vcpu <= 48: return 8
    return 15

SIZES = [("medium", 1), ("large", 2), ("xlarge", 4), ("2xlarge", 8), ("4xlarge", 16), ("8xlarge", 32),
         ("12xlarge", 48), ("16xlarge", 64), ("24xlarge", 96), ("32xlarge", 128), ("48xlarge", 192)]

def family(fam, ratio, first, last, arch="x86_64", metals=()):
    on = False
    for size, vcpu in SIZES:
        if size == first: on = True
        if on: add(f"{fam}.{size}", vcpu, vcpu * ratio, arch)
        if size == last: break
    for metal, vcpu in metals:
        add(f"{fam}.{metal}", vcpu, vcpu * ratio, arch, enis=15)

def burstable(fam, arch="x86_64", one_vcpu_small=False):
    spec = [("nano", 2, .5, 2), ("micro", 2, 1, 2), ("small", 2, 2, 3), ("medium", 2, 4, 3), ("large", 2, 8, 3),
            ("xlarge", 4, 16, 4), ("2xlarge", 8, 32, 4)]
    for size, vcpu, gib, enis in spec:
        if one_vcpu_small and size in ("nano", "micro", "small"): vcpu = 1
        add(f"{fam}.{size}", vcpu, gib, arch, enis=enis)

# burstable
add("t1.micro", 1, 0.613, enis=2)
burstable("t2", one_vcpu_small=True)
burstable("t3"); burstable("t3a"); burstable("t4g", "arm64")
# previous generation general purpose / compute / memory
for n, v, g in [("m1.small", 1, 1.7), ("m1.medium", 1, 3.75), ("m1.large", 2, 7.5), ("m1.xlarge", 4, 15),
                ("m3.medium", 1, 3.75), ("m3.large", 2, 7.5), ("m3.xlarge", 4, 15), ("m3.2xlarge", 8, 30),
                ("c3.large", 2, 3.75), ("c3.xlarge", 4, 7.5), ("c3.2xlarge", 8, 15), ("c3.4xlarge", 16, 30),
                ("c3.8xlarge", 32, 60),
                ("r3.large", 2, 15.25), ("r3.xlarge", 4, 30.5), ("r3.2xlarge", 8, 61), ("r3.4xlarge", 16, 122),
                ("r3.8xlarge", 32, 244)]:
    add(n, v, g)
for n, v, g, e in [("m4.large", 2, 8, 2), ("m4.xlarge", 4, 16, 4), ("m4.2xlarge", 8, 32, 4), ("m4.4xlarge", 16, 64, 8),
                   ("m4.10xlarge", 40, 160, 8), ("m4.16xlarge", 64, 256, 8),
                   ("c4.large", 2, 3.75, 3), ("c4.xlarge", 4, 7.5, 4), ("c4.2xlarge", 8, 15, 4),
                   ("c4.4xlarge", 16, 30, 8), ("c4.8xlarge", 36, 60, 8),
                   ("r4.large", 2, 15.25, 3), ("r4.xlarge", 4, 30.5, 4), ("r4.2xlarge", 8, 61, 4),
                   ("r4.4xlarge", 16, 122, 8), ("r4.8xlarge", 32, 244, 8), ("r4.16xlarge", 64, 488, 15)]:
    add(n, v, g, enis=e)
# a1 (first Graviton)
for n, v in [("a1.medium", 1), ("a1.large", 2), ("a1.xlarge", 4), ("a1.2xlarge", 8), ("a1.4xlarge", 16)]:
    add(n, v, v * 2, "arm64")
add("a1.metal", 16, 32, "arm64", enis=8)
# general purpose (4 GiB per vCPU)
for fam in ("m5", "m5d", "m5n", "m5dn"):
    family(fam, 4, "large", "24xlarge", metals=[("metal", 96)])
family("m5a", 4, "large", "24xlarge"); family("m5ad", 4, "large", "24xlarge")
family("m6i", 4, "large", "32xlarge", metals=[("metal", 128)]); family("m6id", 4, "large", "32xlarge", metals=[("metal", 128)])
family("m6a", 4, "large", "48xlarge", metals=[("metal", 192)])
family("m6g", 4, "medium", "16xlarge", "arm64", [("metal", 64)]); family("m6gd", 4, "medium", "16xlarge", "arm64", [("metal", 64)])
family("m7i", 4, "large", "48xlarge", metals=[("metal-24xl", 96), ("metal-48xl", 192)])
family("m7a", 4, "medium", "48xlarge", metals=[("metal-48xl", 192)])
family("m7g", 4, "medium", "16xlarge", "arm64", [("metal", 64)]); family("m7gd", 4, "medium", "16xlarge", "arm64", [("metal", 64)])
# compute optimised (2 GiB per vCPU)
for n, v in [("c5.large", 2), ("c5.xlarge", 4), ("c5.2xlarge", 8), ("c5.4xlarge", 16), ("c5.9xlarge", 36),
             ("c5.12xlarge", 48), ("c5.18xlarge", 72), ("c5.24xlarge", 96)]:
    add(n, v, v * 2); add(n.replace("c5.", "c5d."), v, v * 2)
add("c5.metal", 96, 192, enis=15); add("c5d.metal", 96, 192, enis=15)
family("c5a", 2, "large", "24xlarge"); family("c5ad", 2, "large", "24xlarge")
for n, v, g in [("c5n.large", 2, 5.25), ("c5n.xlarge", 4, 10.5), ("c5n.2xlarge", 8, 21), ("c5n.4xlarge", 16, 42),
                ("c5n.9xlarge", 36, 96), ("c5n.18xlarge", 72, 192), ("c5n.metal", 72, 192)]:
    add(n, v, g, enis=15 if v >= 72 else None)
family("c6i", 2, "large", "32xlarge", metals=[("metal", 128)]); family("c6id", 2, "large", "32xlarge", metals=[("metal", 128)])
family("c6a", 2, "large", "48xlarge", metals=[("metal", 192)])
family("c6g", 2, "medium", "16xlarge", "arm64", [("metal", 64)]); family("c6gd", 2, "medium", "16xlarge", "arm64", [("metal", 64)])
family("c6gn", 2, "medium", "16xlarge", "arm64")
family("c7i", 2, "large", "48xlarge", metals=[("metal-24xl", 96), ("metal-48xl", 192)])
family("c7a", 2, "medium", "48xlarge", metals=[("metal-48xl", 192)])
family("c7g", 2, "medium", "16xlarge", "arm64", [("metal", 64)]); family("c7gd", 2, "medium", "16xlarge", "arm64", [("metal", 64)])
family("c7gn", 2, "medium", "16xlarge", "arm64", [("metal", 64)])
# memory optimised (8 GiB per vCPU)
for fam in ("r5", "r5d", "r5n", "r5dn", "r5b"):
    family(fam, 8, "large", "24xlarge", metals=[("metal", 96)])
family("r5a", 8, "large", "24xlarge"); family("r5ad", 8, "large", "24xlarge")
family("r6i", 8, "large", "32xlarge", metals=[("metal", 128)]); family("r6id", 8, "large", "32xlarge", metals=[("metal", 128)])
family("r6a", 8, "large", "48xlarge", metals=[("metal", 192)])
family("r6g", 8, "medium", "16xlarge", "arm64", [("metal", 64)]); family("r6gd", 8, "medium", "16xlarge", "arm64", [("metal", 64)])
family("r7i", 8, "large", "48xlarge", metals=[("metal-24xl", 96), ("metal-48xl", 192)])
family("r7a", 8, "medium", "48xlarge", metals=[("metal-48xl", 192)])
family("r7g", 8, "medium", "16xlarge", "arm64", [("metal", 64)]); family("r7gd", 8, "medium", "16xlarge", "arm64", [("metal", 64)])
for n, v, g in [("x1.16xlarge", 64, 976), ("x1.32xlarge", 128, 1952), ("x1e.xlarge", 4, 122), ("x1e.2xlarge", 8, 244),
                ("x1e.4xlarge", 16, 488), ("x1e.8xlarge", 32, 976), ("x1e.16xlarge", 64, 1952), ("x1e.32xlarge", 128, 3904),
                ("x2idn.16xlarge", 64, 1024), ("x2idn.24xlarge", 96, 1536), ("x2idn.32xlarge", 128, 2048), ("x2idn.metal", 128, 2048),
                ("x2iedn.xlarge", 4, 128), ("x2iedn.2xlarge", 8, 256), ("x2iedn.4xlarge", 16, 512), ("x2iedn.8xlarge", 32, 1024),
                ("x2iedn.16xlarge", 64, 2048), ("x2iedn.24xlarge", 96, 3072), ("x2iedn.32xlarge", 128, 4096), ("x2iedn.metal", 128, 4096),
                ("x2iezn.2xlarge", 8, 256), ("x2iezn.4xlarge", 16, 512), ("x2iezn.6xlarge", 24, 768), ("x2iezn.8xlarge", 32, 1024),
                ("x2iezn.12xlarge", 48, 1536), ("x2iezn.metal", 48, 1536),
                ("z1d.large", 2, 16), ("z1d.xlarge", 4, 32), ("z1d.2xlarge", 8, 64), ("z1d.3xlarge", 12, 96),
                ("z1d.6xlarge", 24, 192), ("z1d.12xlarge", 48, 384), ("z1d.metal", 48, 384)]:
    add(n, v, g, enis=15 if n.endswith("metal") or v >= 64 else None)
family("x2gd", 16, "medium", "16xlarge", "arm64", [("metal", 64)])
# storage optimised
for n, v, g, e in [("i3.large", 2, 15.25, 3), ("i3.xlarge", 4, 30.5, 4), ("i3.2xlarge", 8, 61, 4), ("i3.4xlarge", 16, 122, 8),
                   ("i3.8xlarge", 32, 244, 8), ("i3.16xlarge", 64, 488, 15), ("i3.metal", 72, 512, 15),
                   ("i3en.large", 2, 16, 3), ("i3en.xlarge", 4, 32, 4), ("i3en.2xlarge", 8, 64, 4), ("i3en.3xlarge", 12, 96, 4),
                   ("i3en.6xlarge", 24, 192, 8), ("i3en.12xlarge", 48, 384, 8), ("i3en.24xlarge", 96, 768, 15), ("i3en.metal", 96, 768, 15),
                   ("i4i.large", 2, 16, 3), ("i4i.xlarge", 4, 32, 4), ("i4i.2xlarge", 8, 64, 4), ("i4i.4xlarge", 16, 128, 8),
                   ("i4i.8xlarge", 32, 256, 8), ("i4i.16xlarge", 64, 512, 15), ("i4i.32xlarge", 128, 1024, 15), ("i4i.metal", 128, 1024, 15),
                   ("d2.xlarge", 4, 30.5, 4), ("d2.2xlarge", 8, 61, 4), ("d2.4xlarge", 16, 122, 8), ("d2.8xlarge", 36, 244, 8),
                   ("d3.xlarge", 4, 32, 4), ("d3.2xlarge", 8, 64, 4), ("d3.4xlarge", 16, 128, 4), ("d3.8xlarge", 32, 256, 3)]:
    add(n, v, g, enis=e)
for n, v, g, e in [("im4gn.large", 2, 8, 3), ("im4gn.xlarge", 4, 16, 4), ("im4gn.2xlarge", 8, 32, 4), ("im4gn.4xlarge", 16, 64, 8),
                   ("im4gn.8xlarge", 32, 128, 8), ("im4gn.16xlarge", 64, 256, 15),
                   ("is4gen.medium", 1, 6, 2), ("is4gen.large", 2, 12, 3), ("is4gen.xlarge", 4, 24, 4), ("is4gen.2xlarge", 8, 48, 4),
                   ("is4gen.4xlarge", 16, 96, 8), ("is4gen.8xlarge", 32, 192, 8)]:
    add(n, v, g, "arm64", enis=e)
# accelerated computing
for n, v, g, gp, e in [("g3s.xlarge", 4, 30.5, 1, 4), ("g3.4xlarge", 16, 122, 1, 8), ("g3.8xlarge", 32, 244, 2, 8), ("g3.16xlarge", 64, 488, 4, 15),
                       ("g4dn.xlarge", 4, 16, 1, 3), ("g4dn.2xlarge", 8, 32, 1, 3), ("g4dn.4xlarge", 16, 64, 1, 3),
                       ("g4dn.8xlarge", 32, 128, 1, 4), ("g4dn.12xlarge", 48, 192, 4, 8), ("g4dn.16xlarge", 64, 256, 1, 4),
                       ("g4dn.metal", 96, 384, 8, 15),
                       ("g4ad.xlarge", 4, 16, 1, 2), ("g4ad.2xlarge", 8, 32, 1, 2), ("g4ad.4xlarge", 16, 64, 1, 3),
                       ("g4ad.8xlarge", 32, 128, 2, 4), ("g4ad.16xlarge", 64, 256, 4, 8),
                       ("g5.xlarge", 4, 16, 1, 4), ("g5.2xlarge", 8, 32, 1, 4), ("g5.4xlarge", 16, 64, 1, 8),
                       ("g5.8xlarge", 32, 128, 1, 8), ("g5.12xlarge", 48, 192, 4, 15), ("g5.16xlarge", 64, 256, 1, 8),
                       ("g5.24xlarge", 96, 384, 4, 15), ("g5.48xlarge", 192, 768, 8, 7),
                       ("g6.xlarge", 4, 16, 1, 4), ("g6.2xlarge", 8, 32, 1, 4), ("g6.4xlarge", 16, 64, 1, 8),
                       ("g6.8xlarge", 32, 128, 1, 8), ("g6.12xlarge", 48, 192, 4, 8), ("g6.16xlarge", 64, 256, 1, 15),
                       ("g6.24xlarge", 96, 384, 4, 15), ("g6.48xlarge", 192, 768, 8, 15),
                       ("p2.xlarge", 4, 61, 1, 4), ("p2.8xlarge", 32, 488, 8, 8), ("p2.16xlarge", 64, 732, 16, 8),
                       ("p3.2xlarge", 8, 61, 1, 4), ("p3.8xlarge", 32, 244, 4, 8), ("p3.16xlarge", 64, 488, 8, 8),
                       ("p3dn.24xlarge", 96, 768, 8, 15), ("p4d.24xlarge", 96, 1152, 8, 15), ("p5.48xlarge", 192, 2048, 8, 32),
                       ("inf1.xlarge", 4, 8, 0, 4), ("inf1.2xlarge", 8, 16, 0, 4), ("inf1.6xlarge", 24, 48, 0, 8),
                       ("inf1.24xlarge", 96, 192, 0, 15)]:
    add(n, v, g, gpus=gp, enis=e)
for n, v, g, gp, e in [("g5g.xlarge", 4, 8, 1, 4), ("g5g.2xlarge", 8, 16, 1, 4), ("g5g.4xlarge", 16, 32, 1, 8),
                       ("g5g.8xlarge", 32, 64, 1, 8), ("g5g.16xlarge", 64, 128, 2, 15), ("g5g.metal", 64, 128, 2, 15)]:
    add(n, v, g, "arm64", gpus=gp, enis=e)

names = [r[0] for r in rows]
assert len(names) == len(set(names)), [n for n in names if names.count(n) > 1]
out = ["# EC2 instance types fake-ecs knows: current and previous generation.",
       "# name,vcpus,memoryMiB (instance memory; the agent registers less, see InstanceTypes),gpus,architecture,maxEnis",
       "# Generated by fake-ecs/src/build-tools/instance_types.py; edit that script, not this file."]
out += [",".join(str(x) for x in r) for r in rows]
import sys
open(sys.argv[1], "w").write("\n".join(out) + "\n")
print(len(rows))
