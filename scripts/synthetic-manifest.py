#!/usr/bin/env python3
"""Prints the task manifest (CSV) of `smsreport mock-server --tasks N --seed S`: the same ids, in the same order,
as MockWorld.synthetic generates them (SplitMix64), so that a run can fetch more tasks than the list API pages
through (65,735). Usage: scripts/synthetic-manifest.py N SEED"""
import sys

MASK = (1 << 64) - 1


class SplitMix64:
    def __init__(self, seed):
        self.state = seed & MASK

    def next(self):
        self.state = (self.state + 0x9E3779B97F4A7C15) & MASK
        z = self.state
        z = ((z ^ (z >> 30)) * 0xBF58476D1CE4E5B9) & MASK
        z = ((z ^ (z >> 27)) * 0x94D049BB133111EB) & MASK
        return z ^ (z >> 31)

    def uuid(self):
        h = "".join("%016x" % self.next() for _ in range(4))
        return "-".join([h[0:8], h[8:12], h[12:16], h[16:20], h[20:32]])


def main():
    count, seed = int(sys.argv[1]), int(sys.argv[2])
    random = SplitMix64(seed)
    out = ["task_id,source_id,source_name"]
    server = 0
    while len(out) - 1 < count:
        server += 1
        source_id = random.uuid()
        digits = "%03d" % server
        name = "数据库服务器-" + digits if server % 7 == 3 else "ecs-%s-%s" % (["web", "app", "db", "cache"][server % 4], digits)
        for _ in range(min(2 if server % 12 == 5 else 1, count - (len(out) - 1))):
            out.append("%s,%s,%s" % (random.uuid(), source_id, name))
    sys.stdout.write("\n".join(out) + "\n")


main()
