#!/usr/bin/env python3
"""An independent, deliberately plain re-statement of clkhash's CLK construction (linkage schema v3),
used to make golden CLKs for cases the clkhash-made vectors in ../../shared/refdata/clk do not cover:
Dutch names with diacritics (n-grams over code points), doubleHash without prevent_singularity, XOR
folding, bitsPerFeature over multi-byte tokens, numeric comparison of floats, %d-%m-%Y dates.

Written from clkhash's documentation and source (bloomfilter.py, comparators.py, key_derivation.py,
field_formats.py); only the Python standard library. Regenerate with:
    python3 tests/data/privacy/reference_clk.py > tests/data/privacy/dutch_clks.txt
The C++ encoder must agree (tests/privacy/clk_encoder_test.cc, DutchSchemaMatchesReference...).
"""
import base64
import csv
import datetime
import hashlib
import hmac
import json
import os
import struct

HERE = os.path.dirname(os.path.abspath(__file__))


def hkdf(secret, length, salt, info, hash_name):
    digest = getattr(hashlib, hash_name.lower())
    size = digest().digest_size
    prk = hmac.new(salt or b"\0" * size, secret, digest).digest()
    okm, block, counter = b"", b"", 1
    while len(okm) < length:
        block = hmac.new(prk, block + info + bytes([counter]), digest).digest()
        okm += block
        counter += 1
    return okm[:length]


def tokens(comparison, word):
    if word == "":
        return []
    kind = comparison["type"]
    if kind == "exact":
        return [word]
    if kind == "ngram":
        n = comparison["n"]
        if n > 1:
            word = " " * (n - 1) + word + " " * (n - 1)
        grams = [word[i:i + n] for i in range(len(word) - n + 1)]
        if comparison.get("positional"):
            grams = [f"{i + 1} {g}" for i, g in enumerate(grams)]
        return grams
    if kind == "numeric":
        precision = comparison.get("fractional_precision", 0)
        interval = int(round(comparison["thresholdDistance"] * pow(10, precision)))
        resolution = comparison["resolution"]
        try:
            v = int(word, base=10) * pow(10, precision)
        except ValueError:
            f = float(word)
            v = int(round(f * pow(10, precision))) if precision > 0 else int(f)
        v = v * 2 * resolution
        residue = v % interval
        if residue == 0:
            pass
        elif residue < interval / 2:
            v -= residue
        else:
            v += interval - residue
        return [str(v + i * interval) for i in range(-resolution, resolution + 1)]
    raise ValueError(kind)


def formatted(feature, value):
    hashing = feature["hashing"]
    missing = hashing.get("missingValue")
    if missing is not None and value == missing["sentinel"]:
        return missing.get("replaceWith", missing["sentinel"])
    fmt = feature["format"]
    if fmt["type"] == "integer":
        return str(int(value, base=10))
    if fmt["type"] == "date":
        return datetime.datetime.strptime(value, fmt["format"]).strftime("%Y%m%d")
    return value


def bits_per_token(strategy, count):
    if "bitsPerToken" in strategy:
        return [strategy["bitsPerToken"]] * count
    total = strategy["bitsPerFeature"]
    k, residue = total // count, total % count
    return [k + 1] * residue + [k] * (count - residue)


def encode(schema, secret, row):
    config = schema["clkConfig"]
    l = config["l"] * 2 ** config.get("xorFolds", 0)
    kdf = config["kdf"]
    key_size = kdf.get("keySize", 64)
    features = schema["features"]
    material = hkdf(secret.encode("utf-8"), 2 * len(features) * key_size, base64.b64decode(kdf.get("salt", "")),
                    base64.b64decode(kdf.get("info", "")), kdf.get("hash", "SHA256"))
    bits = [0] * l
    for index, (feature, value) in enumerate(zip(features, row)):
        if feature.get("ignored"):
            continue
        key1 = material[2 * index * key_size:(2 * index + 1) * key_size]
        key2 = material[(2 * index + 1) * key_size:(2 * index + 2) * key_size]
        hashing = feature["hashing"]
        grams = tokens(hashing["comparison"], formatted(feature, value))
        if not grams:
            continue
        encoding = feature["format"].get("encoding", "utf-8")
        hash_config = hashing.get("hash", {"type": "blakeHash"})
        for gram, k in zip(grams, bits_per_token(hashing["strategy"], len(grams))):
            data = gram.encode(encoding)
            if hash_config["type"] == "blakeHash":
                shorts = []
                for i in range((k + 31) // 32):
                    shorts.extend(struct.unpack("<32H", hashlib.blake2b(data, key=key1, salt=str(i).encode()).digest()))
                for i in range(k):
                    bits[shorts[i] % l] = 1
            else:
                h1 = int.from_bytes(hmac.new(key1, data, hashlib.sha1).digest(), "big") % l
                h2 = int.from_bytes(hmac.new(key2, data, hashlib.md5).digest(), "big") % l
                i = 0
                while hash_config.get("prevent_singularity") and h2 == 0:
                    h2 = int.from_bytes(hmac.new(key2, data + chr(i).encode(), hashlib.md5).digest(), "big") % l
                    i += 1
                for i in range(k):
                    bits[(h1 + i * h2) % l] = 1
    for _ in range(config.get("xorFolds", 0)):
        half = len(bits) // 2
        bits = [a ^ b for a, b in zip(bits[:half], bits[half:])]
    data = bytearray((len(bits) + 7) // 8)
    for i, bit in enumerate(bits):
        if bit:
            data[i // 8] |= 0x80 >> (i % 8)
    return sum(bits), base64.b64encode(bytes(data)).decode()


def main():
    with open(os.path.join(HERE, "dutch_schema.json"), encoding="utf-8") as f:
        schema = json.load(f)
    with open(os.path.join(HERE, "dutch_records.csv"), encoding="utf-8", newline="") as f:
        rows = list(csv.reader(f))[1:]
    for row in rows:
        count, clk = encode(schema, "geheim van de desk", row)
        print(row[0], count, clk)


if __name__ == "__main__":
    main()
