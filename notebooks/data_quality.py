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

# %% [markdown] tags=["rk-outline"]
# # Kiểm tra số liệu đầu vào của kỳ
# ## Phạm vi và tổng số lỗi, cảnh báo

# %%
from reportkit.report.quality import build_quality_report

quality = build_quality_report(period, stream, plan_path=plan_path, submissions=submissions, as_of=as_of)
quality.header()

# %% [markdown] tags=["rk-outline"]
# ## 1. Các tệp số liệu

# %%
quality.overview()

# %% [markdown] tags=["rk-outline"]
# ## 2. Các loại vấn đề

# %%
quality.by_kind()

# %% [markdown] tags=["rk-outline"]
# ## 3. Chi tiết từng vấn đề

# %%
quality.details()
