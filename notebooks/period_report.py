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

# %% [markdown] tags=["rk-outline"]
# # Báo cáo kỳ
# ## Phần mở đầu: quốc hiệu, số hiệu, trích yếu

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

# %% [markdown] tags=["rk-outline"]
# ## I. Kết quả thực hiện

# %%
report.results()

# %% [markdown] tags=["rk-outline"]
# ## II. Tồn tại, hạn chế và nguyên nhân

# %%
report.shortcomings()

# %% [markdown] tags=["rk-outline"]
# ## III. Phương hướng, nhiệm vụ thời gian tới

# %%
report.directions()

# %% [markdown] tags=["rk-outline"]
# ## IV. Đề xuất, kiến nghị

# %%
report.proposals()

# %% [markdown] tags=["rk-outline"]
# ## Nơi nhận và chữ ký

# %%
report.signature()

# %% [markdown] tags=["rk-outline"]
# ## Phụ lục I và II: nhiệm vụ, kiểm tra số liệu đầu vào

# %%
report.annex()

# %% [markdown] tags=["rk-outline"]
# ## Hồ sơ lần chạy (không hiển thị; `reportkit run` ghi vào manifest.json)

# %%
report.run_record()
