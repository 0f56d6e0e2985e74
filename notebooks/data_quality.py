# ---
# jupyter:
#   kernelspec:
#     display_name: reportkit (Python 3)
#     language: python
#     name: reportkit
# ---

# %% tags=["parameters"]
# Parameters (papermill): the same names as the period report's.
period = "2024-Q1"
stream = "dan-chu"
plan_path = None
submissions = None
as_of = None

# %%
from reportkit.report.quality import build_quality_report

quality = build_quality_report(period, stream, plan_path=plan_path, submissions=submissions, as_of=as_of)
quality.header()

# %%
quality.overview()

# %%
quality.by_kind()

# %%
quality.details()
