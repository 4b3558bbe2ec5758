"""The entry script for spark-submit: ``spark-submit [--master ...] scripts/tally_spark.py INPUT -o OUTPUT``.

The package must be importable on the driver and the executors (installed on the cluster, or shipped as a
wheel with ``--py-files``); see the README's "Archive back-fills on Spark"."""
import sys

from service.spark import main

if __name__ == "__main__":
    sys.exit(main())
