#!/usr/bin/env python3
"""Which crates the browser build's code comes from: reads a .wasm file
with its name section (the one cargo writes, before wasm-bindgen and
wasm-opt strip the names), sums each function body's bytes by the crate its
Rust symbol names, and prints the largest, with data segments (fonts,
shaders, tables, strings) as one line.

    benches/wasm_crates.py FILE.wasm [N]
"""
import re
import sys
from collections import Counter


def leb(data, at):
    """An unsigned LEB128 number at `at`: (value, next position)."""
    value = shift = 0
    while True:
        byte = data[at]
        at += 1
        value |= (byte & 0x7F) << shift
        shift += 7
        if byte < 0x80:
            return value, at


def sections(data):
    at = 8
    while at < len(data):
        kind = data[at]
        size, at = leb(data, at + 1)
        yield kind, data[at:at + size]
        at += size


def imported_functions(payload):
    count, at = leb(payload, 0)
    functions = 0
    for _ in range(count):
        for _ in range(2):  # module and field names
            length, at = leb(payload, at)
            at += length
        kind = payload[at]
        at += 1
        if kind == 0:  # function: a type index
            _, at = leb(payload, at)
            functions += 1
        elif kind == 1:  # table: element type, limits
            at += 1
            flags, at = leb(payload, at)
            _, at = leb(payload, at)
            if flags & 1:
                _, at = leb(payload, at)
        elif kind == 2:  # memory: limits
            flags, at = leb(payload, at)
            _, at = leb(payload, at)
            if flags & 1:
                _, at = leb(payload, at)
        elif kind == 3:  # global: type, mutability
            at += 2
        else:  # tag
            at += 1
            _, at = leb(payload, at)
    return functions


def function_names(payload):
    at = 0
    length, at = leb(payload, at)
    at += length  # "name"
    names = {}
    while at < len(payload):
        sub = payload[at]
        size, at = leb(payload, at + 1)
        end = at + size
        if sub == 1:
            count, at = leb(payload, at)
            for _ in range(count):
                index, at = leb(payload, at)
                length, at = leb(payload, at)
                names[index] = payload[at:at + length].decode("utf-8", "replace")
                at += length
        at = end
    return names


def crate_of(symbol):
    """The crate a mangled (legacy `_ZN…` or v0 `_R…`) Rust symbol is in."""
    legacy = re.match(r"_ZN(\d+)", symbol)
    if legacy:
        length = int(legacy.group(1))
        start = legacy.end()
        name = symbol[start:start + length]
        if name.startswith("_$LT$"):  # <T as Trait>::…: the type's crate
            inner = re.match(r"_\$LT\$([A-Za-z0-9_]+)", name)
            return inner.group(1) if inner else "<impl>"
        return name
    v0 = re.search(r"C[s0-9_]*?(\d+)([A-Za-z_][A-Za-z0-9_]*)", symbol)
    if symbol.startswith("_R") and v0:
        return v0.group(2)[: int(v0.group(1))]
    return "(no Rust name: " + symbol.split("::")[0][:24] + ")"


def main():
    data = open(sys.argv[1], "rb").read()
    top = int(sys.argv[2]) if len(sys.argv) > 2 else 25
    imports = 0
    bodies = []
    names = {}
    data_bytes = 0
    for kind, payload in sections(data):
        if kind == 2:
            imports = imported_functions(payload)
        elif kind == 10:
            count, at = leb(payload, 0)
            for _ in range(count):
                size, at = leb(payload, at)
                bodies.append(size)
                at += size
        elif kind == 11:
            data_bytes = len(payload)
        elif kind == 0 and payload[1:5] == b"name":
            names = function_names(payload)
    by_crate = Counter()
    for i, size in enumerate(bodies):
        by_crate[crate_of(names.get(imports + i, "?"))] += size
    total = sum(bodies) + data_bytes
    print(f"| crate | code | share |")
    print(f"| --- | --- | --- |")
    for crate, size in by_crate.most_common(top):
        print(f"| {crate} | {size / 1e3:.0f} kB | {100 * size / total:.1f} % |")
    print(f"| data segments (fonts, strings, tables) | {data_bytes / 1e3:.0f} kB | {100 * data_bytes / total:.1f} % |")
    print(f"| all code and data | {total / 1e6:.2f} MB | |")


if __name__ == "__main__":
    main()
