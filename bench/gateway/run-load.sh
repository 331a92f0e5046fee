#!/bin/sh
# Gateway load harness (issue 12): latency added per order vs the sandbox directly at 200 orders/s, 1,000 concurrent
# connections, and a memory soak. Everything on 127.0.0.1, bounded in count and time.
#   bench/gateway/run-load.sh                    # 20 s latency run, 1,000 connections, 60 s soak
#   bench/gateway/run-load.sh --soak-seconds 600 # the 10-minute soak
set -eu
cd "$(dirname "$0")/../.."
dotnet build -c Release bench/Tradeguard.Benchmarks -v q -nologo
exec dotnet bench/Tradeguard.Benchmarks/bin/Release/net10.0/Tradeguard.Benchmarks.dll gateway-load "$@"
