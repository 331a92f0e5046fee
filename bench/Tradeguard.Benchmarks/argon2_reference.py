"""Times python3-argon2 (argon2-cffi over the C reference implementation) at the vault's default Argon2id
parameters, one thread, for comparison with VaultBenchmarks.Argon2idDefaults in the same run."""
import statistics
import sys
import time

from argon2.low_level import Type, hash_secret_raw

runs = int(sys.argv[1]) if len(sys.argv) > 1 else 10
password = b"correct horse battery staple"
salt = bytes(range(1, 17))
times = []
for _ in range(runs):
    start = time.perf_counter()
    out = hash_secret_raw(password, salt, time_cost=3, memory_cost=65536, parallelism=1, hash_len=32, type=Type.ID)
    times.append((time.perf_counter() - start) * 1000)
assert out.hex() == "d8ebeb50632cc1993711eda85db155a107f0fb1cafab88a3a79f3d4661ac7a0c"
print(f"python3-argon2 hash_secret_raw m=65536,t=3,p=1: median {statistics.median(times):.1f} ms, "
      f"min {min(times):.1f} ms over {runs} runs")
