# ---
# jupyter:
#   kernelspec:
#     display_name: reportkit (Python 3)
#     language: python
#     name: reportkit
# ---

# %% tags=["parameters"]
# Parameters (papermill): see params/*.yaml and `reportkit run --help`.
period = "2024-Q1"
stream = "dan-chu"
plan_path = None
submissions = None
as_of = None
deadlines = {}
number = None
signed_on = None

# %%
from reportkit.report.period import build_report

report = build_report(
    period,
    stream,
    plan_path=plan_path,
    submissions=submissions,
    as_of=as_of,
    deadlines=deadlines,
    number=number,
    signed_on=signed_on,
)
report.header()

# %%
report.results()

# %%
report.shortcomings()

# %%
report.directions()

# %%
report.proposals()

# %%
report.signature()

# %%
report.annex()

# %%
report.run_record()
