"""The Spark job's data flow without Spark, for a machine that has no PySpark: the same records
(export_corpus.to_record), the same command and environment, fed through each partition's
subprocess exactly as PySpark's RDD.pipe does it (a writer thread, lines read back, the exit code
checked), partitions run side by side like tasks, one part-NNNNN file each.

    python3 examples/spark/local_pipe.py CORPUS_DIR OUT_DIR [--partitions N] [--parallel P]
"""
import argparse
import json
import os
import subprocess
import threading
import time
from concurrent.futures import ThreadPoolExecutor

from export_corpus import cli_command, pipe_env, to_record


def rdd_pipe(elements, command, env):
    """What pyspark.RDD.pipe(command, env, checkCode=True) does with one partition."""
    proc = subprocess.Popen(command, env=env, stdin=subprocess.PIPE, stdout=subprocess.PIPE)

    def pipe_objs(out):
        for obj in elements:
            out.write((str(obj).rstrip("\n") + "\n").encode("utf-8"))
        out.close()

    threading.Thread(target=pipe_objs, args=[proc.stdin]).start()
    for line in iter(proc.stdout.readline, b""):
        yield line.rstrip(b"\n").decode("utf-8")
    if proc.wait() != 0:
        raise RuntimeError(f"{command} exited with status {proc.returncode}")


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("corpus")
    parser.add_argument("out")
    parser.add_argument("--partitions", type=int, default=8)
    parser.add_argument("--parallel", type=int, default=os.cpu_count() or 2)
    parser.add_argument("--cli", default="dist/cli.js")
    args = parser.parse_args()

    started = time.time()
    paths = sorted(os.path.join(d, f) for d, _, names in os.walk(args.corpus) for f in names if f.endswith(".txt"))
    partitions = [paths[i :: args.partitions] for i in range(args.partitions)]
    os.makedirs(args.out, exist_ok=True)
    command = cli_command(os.path.abspath(args.cli))

    def task(index):
        # binaryFiles reads each file whole, lazily, as the partition is consumed.
        records = (to_record(("file:" + os.path.abspath(p), open(p, "rb").read())) for p in partitions[index])
        count = errors = 0
        with open(os.path.join(args.out, f"part-{index:05d}"), "w", encoding="utf-8") as out:
            for line in rdd_pipe(records, command, pipe_env()):
                out.write(line + "\n")
                count += 1
                errors += json.loads(line).get("error") is not None
        return count, errors

    with ThreadPoolExecutor(args.parallel) as pool:
        results = list(pool.map(task, range(args.partitions)))
    print(json.dumps({
        "files": len(paths),
        "records": sum(r[0] for r in results),
        "errors": sum(r[1] for r in results),
        "seconds": round(time.time() - started, 2),
        "partitions": args.partitions,
        "parallel": args.parallel,
    }))


if __name__ == "__main__":
    main()
