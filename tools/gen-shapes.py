#!/usr/bin/env python3
"""Writes src/main/resources/dev/iamkata/shell/aws/shapes/<sdk-package>.tsv.gz from botocore's
service models: each structure's member order (the CLI prints members in it; the SDK's order
differs for some shapes) and, marked with '*', IAM's policyDocumentType members, which the CLI
URL-decodes and prints as JSON objects; '!' marks required members."""
import glob, gzip, json, os, botocore

SERVICES = {"iam": "iam", "sts": "sts", "s3": "s3", "dynamodb": "dynamodb", "ec2": "ec2",
            "lambda": "lambda", "cloudtrail": "cloudtrail"}
data = os.path.join(os.path.dirname(botocore.__file__), "data")
out_dir = os.path.join(os.path.dirname(os.path.abspath(__file__)), "..",
                       "src/main/resources/dev/iamkata/shell/aws/shapes")
os.makedirs(out_dir, exist_ok=True)
for svc, pkg in SERVICES.items():
    path = sorted(glob.glob(os.path.join(data, svc, "*", "service-2.json.gz")))[-1]
    shapes = json.load(gzip.open(path))["shapes"]
    rows = []
    for name, s in sorted(shapes.items()):
        if s["type"] != "structure" or not s.get("members"):
            continue
        required = set(s.get("required", []))
        members = [m + ("*" if v["shape"] == "policyDocumentType" else "") + ("!" if m in required else "")
                   for m, v in s["members"].items()]
        rows.append(name + "\t" + ",".join(members))
    with gzip.GzipFile(os.path.join(out_dir, pkg + ".tsv.gz"), "wb", mtime=0) as f:
        f.write(("\n".join(rows) + "\n").encode())
