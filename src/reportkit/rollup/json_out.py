"""rollup.json: the roll-up's organisations, their state and counts, for other programs."""

from __future__ import annotations

from reportkit.rollup.model import COUNT_KEYS, RollupData


def rollup_json(data: RollupData) -> dict:
    """``{"period", "stream", "organisations": [{"code", "name", "state", "reason", "counts"}]}``.

    ``counts`` has the same keys as a report manifest's counts.
    """
    records = data.orgs.to_dict(orient="records")
    return {
        "period": data.period,
        "stream": data.stream,
        "organisations": [
            {"code": r["code"], "name": r["name"], "state": r["state"], "reason": r["reason"],
             "counts": {k: int(r[k]) for k in COUNT_KEYS}}
            for r in records
        ],
    }
