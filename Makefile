# reportkit: set-up, demo and tests on a fresh Debian/Ubuntu machine (Python 3.11+).
#   make demo   builds the demo period report on the bundled sample data
#   make test   runs the whole test suite (what CI runs: .ci/run)
#   make check  runs the fast tier: no browser, LibreOffice, Jupyter kernel or kill loop (tests marked slow are skipped)
# Both create .venv and install what they need; they are fast when nothing changed.

PYTHON ?= python3
VENV   := .venv
BIN    := $(VENV)/bin
STAMP  := $(VENV)/.reportkit-installed

# Debian packages: fonts and pango for the PDF (WeasyPrint); a browser and
# poppler for the tests that look at what reviewers see.
APT_RUNTIME := fonts-liberation2 fonts-noto-mono fonts-dejavu-core libpango-1.0-0 libpangoft2-1.0-0 libharfbuzz0b fontconfig
APT_CHECK   := poppler-utils
APT_TEST    := $(APT_CHECK) chromium libreoffice-calc-nogui libreoffice-writer-nogui

.PHONY: demo test check fuzz bench bench-quick system-deps system-deps-check system-deps-test setup clean-outputs

define ensure_apt
	@missing=""; for p in $(1); do \
	  dpkg-query -W -f='$${Status}' $$p 2>/dev/null | grep -q "install ok installed" || missing="$$missing $$p"; \
	done; \
	if [ -n "$$missing" ]; then \
	  if [ "$$(id -u)" = 0 ]; then \
	    echo "Installing system packages:$$missing"; \
	    apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends $$missing >/dev/null; \
	  else \
	    echo "Missing system packages. Run:"; echo "  sudo apt-get install -y$$missing"; exit 1; \
	  fi; \
	fi
endef

system-deps:
	$(call ensure_apt,$(APT_RUNTIME))

system-deps-check: system-deps
	$(call ensure_apt,$(APT_CHECK))

system-deps-test: system-deps
	$(call ensure_apt,$(APT_TEST))

$(STAMP): pyproject.toml
	@test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install -q --upgrade pip
	$(BIN)/python -m pip install -q -e '.[test]'
	$(BIN)/python -m ipykernel install --sys-prefix --name reportkit --display-name "reportkit (Python 3)" >/dev/null
	@touch $(STAMP)

setup: system-deps $(STAMP)

# The demo period reports on the bundled sample data. Exit code 1 means "built,
# with some input rows rejected" (shown in the report's Phụ lục II): not a failure.
demo: setup
	$(BIN)/reportkit calendar --year 2024
	$(BIN)/reportkit run --params params/2024-Q1-dan-chu.yaml || [ $$? -eq 1 ]
	$(BIN)/reportkit run --params params/2024-M03-dan-van.yaml || [ $$? -eq 1 ]
	@echo ""
	@echo "Demo reports (HTML for the browser, PDF for print, manifest.json for the record):"
	@echo "  $(CURDIR)/outputs/2024-Q1/dan-chu/report.html  (.pdf)"
	@echo "  $(CURDIR)/outputs/2024-M03/dan-van/report.html (.pdf)"

test: system-deps-test $(STAMP)
	$(BIN)/python -m pytest -q

# The fast tier for every change (about a minute): everything but the tests marked slow.
check: system-deps-check $(STAMP)
	$(BIN)/python -m pytest -q -m "not slow"

# The property-based fuzz tests with many more examples (hypothesis profile "fuzz", tests/conftest.py);
# REPORTKIT_FUZZ_EXAMPLES=5000 make fuzz for a longer run.
fuzz: system-deps-test $(STAMP)
	REPORTKIT_FUZZ=1 $(BIN)/python -m pytest -q tests/test_fuzz_workbooks.py tests/test_fuzz_config.py

bench: setup
	$(BIN)/python -m bench

bench-quick: setup
	$(BIN)/python -m bench --quick

clean-outputs:
	find outputs -mindepth 1 ! -name .gitkeep -delete
