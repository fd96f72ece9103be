# Two commands matter: `make run` and `make test`. Both create .venv on first use.
PYTHON ?= python3
VENV := .venv
PY := $(VENV)/bin/python
STAMP := $(VENV)/.installed

.PHONY: run test lint bench clean bundle install-desktop

$(STAMP): pyproject.toml
	test -x $(PY) || $(PYTHON) -m venv $(VENV)
	$(PY) -m pip install --quiet --upgrade pip
	$(PY) -m pip install --quiet -e '.[dev]'
	touch $(STAMP)

# Bytecode first: where PYTHONDONTWRITEBYTECODE is set, every start would compile the package
# again (~100 ms); compileall skips the files that are up to date.
run: $(STAMP)
	$(PY) -m compileall -q tillit_desk
	$(PY) main.py

test: $(STAMP)
	$(PY) -m ruff check .
	QT_QPA_PLATFORM=offscreen $(PY) -m pytest -q

lint: $(STAMP)
	$(PY) -m ruff check .

bench: $(STAMP)
	QT_QPA_PLATFORM=offscreen $(PY) bench/all.py

clean:
	rm -rf $(VENV) build dist *.egg-info .pytest_cache

# One-folder PyInstaller bundle in dist/tillit-desk/ (not part of `make test`; see tests/packaging).
bundle: $(STAMP)
	$(PY) -m pip install --quiet 'pyinstaller>=6.10'
	$(PY) -m PyInstaller --noconfirm --clean --log-level WARN \
		--distpath dist --workpath build/pyinstaller packaging/tillit-desk.spec
	@du -sh dist/tillit-desk

# .desktop file, MIME type and icons into ~/.local/share (XDG_DATA_HOME); no root needed.
install-desktop:
	sh packaging/linux/install-desktop.sh
