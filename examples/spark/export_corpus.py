"""Export a corpus of article files with Spark: binaryFiles -> base64 records -> the CLI -> JSONL.

    spark-submit --master 'local[*]' --files dist/cli.js \
        examples/spark/export_corpus.py CORPUS_DIR OUT_DIR [--partitions N]

Every .txt file below CORPUS_DIR becomes one {"path", "base64"} record (raw bytes, so GB18030
files survive: Spark never decodes them); each partition's records are piped through
`node cli.js export --from-jsonl -` (Article Editor's CLI, dist/cli.js, shipped to the workers
with --files or sc.addFile); OUT_DIR gets one JSONL line per file, in Spark's part-NNNNN files:
the export record of FORMAT.md, or {"path", "error", "message"} for a file that is not an article.

Needs Node 20 on every worker (`node` on PATH, or NODE=/path/to/node).
"""
import argparse
import base64
import json
import os
import time


def to_record(path_and_bytes):
    """(path, bytes) as binaryFiles gives them -> one input line of `export --from-jsonl`."""
    path, data = path_and_bytes
    return json.dumps({"path": path, "base64": base64.b64encode(bytes(data)).decode("ascii")})


def cli_command(cli_path, jobs=1):
    """The pipe's command. One worker thread per partition: Spark already runs a task per core."""
    node = os.environ.get("NODE", "node")
    return [node, cli_path, "export", "--from-jsonl", "-", "--jobs", str(jobs)]


def pipe_env():
    """RDD.pipe starts the command with exactly this environment (not the worker's): keep PATH."""
    return {"PATH": os.environ.get("PATH", "/usr/local/bin:/usr/bin:/bin"), "LANG": os.environ.get("LANG", "C.UTF-8")}


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("corpus")
    parser.add_argument("out")
    parser.add_argument("--partitions", type=int, default=0, help="records per task: about files / partitions")
    parser.add_argument("--cli", default="dist/cli.js", help="the CLI to ship when --files did not")
    args = parser.parse_args()

    from pyspark import SparkContext, SparkFiles

    sc = SparkContext(appName="article-export")
    # Files below sub-folders too.
    sc._jsc.hadoopConfiguration().set("mapreduce.input.fileinputformat.input.dir.recursive", "true")
    if "cli.js" not in (sc.getConf().get("spark.files") or ""):
        sc.addFile(os.path.abspath(args.cli))
    # Executors fetch shipped files into their working directory, where the pipe's command runs;
    # in local mode the one executor shares the driver's SparkFiles directory instead.
    cli = SparkFiles.get("cli.js") if sc.master.startswith("local") else "./cli.js"

    started = time.time()
    files = sc.binaryFiles(args.corpus, minPartitions=args.partitions or None)
    files = files.filter(lambda pair: pair[0].endswith(".txt"))
    if args.partitions:
        files = files.repartition(args.partitions)
    # PySpark's pipe takes the command as one string (shlex-split on the worker).
    command = " ".join(json.dumps(part) for part in cli_command(cli))
    exported = files.map(to_record).pipe(command, env=pipe_env(), checkCode=True)
    exported.saveAsTextFile(args.out)
    seconds = time.time() - started

    lines = sc.textFile(args.out)
    total = lines.count()
    errors = lines.filter(lambda line: '"error":' in line and json.loads(line).get("error") is not None).count()
    print(json.dumps({"records": total, "errors": errors, "seconds": round(seconds, 2), "partitions": exported.getNumPartitions()}))
    sc.stop()


if __name__ == "__main__":
    main()
