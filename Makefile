# Shortcuts; the work is in scripts/.
.PHONY: run test test-asan build deps clean
run:
	scripts/run.sh
test:
	scripts/install-deps.sh
	scripts/test.sh
test-asan:
	scripts/install-deps.sh
	scripts/test.sh --sanitize
build:
	scripts/build.sh
deps:
	scripts/install-deps.sh
clean:
	rm -rf build build-asan
