# ---
# jupyter:
#   kernelspec:
#     display_name: reportkit (Python 3)
#     language: python
#     name: reportkit
# ---

# %% tags=["parameters"]
# Parameters (papermill): `reportkit rollup` passes them; data_dir holds orgs.parquet and tasks.parquet.
period = "2024-Q1"
stream = "dan-chu"
data_dir = "tests/data/rollup"
superior = {"name": "Sở Lao động - Thương binh và Xã hội tỉnh Sơn La", "symbol": "BC-SLĐTBXH"}
subject = ""
number = None
signed_on = None

# %% [markdown] tags=["rk-outline"]
# # Báo cáo tổng hợp
# ## Phần mở đầu: quốc hiệu, số hiệu, trích yếu (cơ quan cấp trên ban hành)

# %%
from reportkit.report.rollup import build_rollup_report

report = build_rollup_report(period, stream, data_dir, superior, subject=subject, number=number, signed_on=signed_on)
report.header()

# %% [markdown] tags=["rk-outline"]
# ## I. Kết quả thực hiện: từng đơn vị (hoặc từng nhóm), xếp hạng, biểu đồ

# %%
report.results()

# %% [markdown] tags=["rk-outline"]
# ## II. Tồn tại, hạn chế: nhiệm vụ quá hạn, đơn vị không có báo cáo hợp lệ

# %%
report.shortcomings()

# %% [markdown] tags=["rk-outline"]
# ## III. So sánh theo nhiệm vụ (các đơn vị cùng kế hoạch)

# %%
report.comparison()

# %% [markdown] tags=["rk-outline"]
# ## Nơi nhận và chữ ký

# %%
report.signature()

# %% [markdown] tags=["rk-outline"]
# ## Phụ lục I: bảng đầy đủ của từng đơn vị (khi báo cáo tổng hợp theo nhóm)

# %%
report.annex()
