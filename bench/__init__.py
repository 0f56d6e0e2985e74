"""reportkit benchmarks: ``python -m bench [--quick|--smoke]`` (see bench/README.md)."""
