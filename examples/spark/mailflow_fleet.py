"""Summarise a fleet's mail logs with Mailflow's core on Apache Spark.

Lists every file under INPUT (local paths or any Hadoop filesystem: hdfs://, s3a://, abfss://,
...) with Spark's binaryFile source, groups the rotated files of each server (mail.log.3.gz ...
mail.log) so that sessions crossing a rotation are kept, summarises each group on the executors
with the `mailflow_core` wheel (the same Rust core as the page and `mailflow summarize`), and adds
the partial summaries up into one summary that the page loads.

    spark-submit [--archives env.tar.gz#env] examples/spark/mailflow_fleet.py INPUT OUTPUT.csv

The `mailflow_core` wheel must be installed where the executors' Python runs (a native module
cannot be imported from --py-files): a packed virtualenv (--archives, PYSPARK_PYTHON), or a
library installed on every node. See "Large estates" in the README.

OUTPUT is written on the driver when it is a local path; for a Hadoop filesystem path, a folder
with one part file is written. The per-file load summaries go to OUTPUT.files.json (locally) or
are printed.
"""

import argparse
import json
import os
import sys
import time

from pyspark.sql import SparkSession


def summarise_set(files):
    """Summarises one rotated set on an executor: the summary's rows and the per-file summaries."""
    import mailflow_core

    csv, reports = mailflow_core.summarize([(path, bytes(content)) for path, content in files], header=True)
    return csv, json.loads(reports)


def merge(a, b):
    import mailflow_core

    return mailflow_core.merge([a, b])


def main(argv=None):
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("input", help="a folder of logs (searched recursively)")
    parser.add_argument("output", help="the summary CSV to write")
    parser.add_argument("--glob", default=None, help="only files whose name matches, e.g. 'mail*'")
    args = parser.parse_args(argv)

    spark = SparkSession.builder.appName("mailflow-fleet").getOrCreate()
    started = time.time()
    reader = spark.read.format("binaryFile").option("recursiveFileLookup", "true")
    if args.glob:
        reader = reader.option("pathGlobFilter", args.glob)
    files = reader.load(args.input).select("path", "content")

    import mailflow_core

    sets = files.rdd.map(lambda row: (mailflow_core.rotation_set(row.path), (row.path, row.content))).groupByKey()
    partial = sets.map(lambda kv: summarise_set(list(kv[1]))).cache()
    reports = partial.flatMap(lambda p: p[1]).collect()
    # A set without deliveries (a README, an empty log) gives a summary of its header alone.
    summaries = partial.map(lambda p: p[0]).filter(lambda csv: csv.count("\n") > 1)
    if summaries.isEmpty():
        print("mailflow: no deliveries in the files under " + args.input, file=sys.stderr)
        return 1
    summary = summaries.treeReduce(merge)

    if "://" in args.output and not args.output.startswith("file://"):
        spark.sparkContext.parallelize([summary.rstrip("\r\n")], 1).saveAsTextFile(args.output)
        print(json.dumps(reports, indent=2))
    else:
        path = args.output[len("file://"):] if args.output.startswith("file://") else args.output
        with open(path, "w", newline="") as out:
            out.write(summary)
        with open(path + ".files.json", "w") as out:
            json.dump(reports, out, indent=2)

    unusable = [r for r in reports if r.get("error")]
    for r in unusable:
        print("mailflow: %s: %s" % (r["file"], r["error"]), file=sys.stderr)
    print(
        "mailflow: %d load summaries (a rotated set is one) in %.1f s; %d could not be used"
        % (len(reports), time.time() - started, len(unusable)),
        file=sys.stderr,
    )
    spark.stop()
    return 1 if unusable else 0


if __name__ == "__main__":
    sys.exit(main())
