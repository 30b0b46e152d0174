# Shortcuts; the work is in scripts/.
.PHONY: run test test-asan fuzz build deps clean
run:
	scripts/run.sh
test:
	scripts/install-deps.sh
	scripts/test.sh
test-asan:
	scripts/install-deps.sh
	scripts/test.sh --sanitize
fuzz:  # each fuzz target for FUZZ_SECONDS (default 30); make fuzz FUZZ_SECONDS=600 for longer
	scripts/fuzz.sh $(FUZZ_SECONDS)
build:
	scripts/build.sh
deps:
	scripts/install-deps.sh
clean:
	rm -rf build build-asan build-fuzz
