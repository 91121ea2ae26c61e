#!/usr/bin/env python3
"""Writes src/main/resources/dev/iamkata/shell/aws/paginators.tsv from botocore's paginators-1.json
for the services the engine implements: the built-in aws pages through results as the CLI does."""
import glob, json, os, botocore

SERVICES = {"iam": "iam", "sts": "sts", "s3": "s3api", "dynamodb": "dynamodb", "ec2": "ec2",
            "lambda": "lambda", "cloudtrail": "cloudtrail"}
data = os.path.join(os.path.dirname(botocore.__file__), "data")
out = os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "src/main/resources/dev/iamkata/shell/aws/paginators.tsv")
rows = ["# cli-service\toperation\tinput_token\toutput_token\tmore_results\tresult_key\tlimit_key\tnon_aggregate_keys"]
def lst(v):
    v = v if isinstance(v, list) else ([v] if v else [])
    return ",".join(x.split(" ")[0] for x in v) or "-"
for svc, cli in SERVICES.items():
    path = sorted(glob.glob(os.path.join(data, svc, "*", "paginators-1.json")))[-1]
    for op, p in sorted(json.load(open(path))["pagination"].items()):
        rows.append("\t".join([cli, op, lst(p.get("input_token")), lst(p.get("output_token")),
                               p.get("more_results") or "-", lst(p.get("result_key")),
                               p.get("limit_key") or "-", lst(p.get("non_aggregate_keys"))]))
open(out, "w").write("\n".join(rows) + "\n")
