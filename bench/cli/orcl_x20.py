#!/usr/bin/python3
"""Writes backtrader's ORCL 1995-2014 daily file (samples/data/orcl-1995-2014.txt, 5036 bars; source in
samples/data/README.md) repeated 20 times end to end: 100,720 bars. Copy k is shifted by k x 7305 days (20 years),
so dates keep rising and every date is valid; prices and volumes are unchanged.

  orcl_x20.py SOURCE OUTPUT
"""
import datetime
import sys

SHIFT_DAYS = 7305
COPIES = 20


def main(source, output):
    with open(source) as f:
        header, *rows = f.read().splitlines()
    with open(output, "w") as out:
        out.write(header + "\n")
        for k in range(COPIES):
            shift = datetime.timedelta(days=k * SHIFT_DAYS)
            for row in rows:
                date, rest = row.split(",", 1)
                day = datetime.date.fromisoformat(date) + shift
                out.write(f"{day.isoformat()},{rest}\n")


if __name__ == "__main__":
    main(sys.argv[1], sys.argv[2])
