# The two commands of the README:
#   make demo   install what is missing, build, run the whole journey on a synthetic Twente
#   make test   install what is missing, build, run every test through ctest
BUILD_DIR ?= build
JOBS ?= $(shell nproc)

.PHONY: setup configure build test demo bench clean golden

setup:
	@scripts/setup.sh

# Ninja when the build folder is new (an existing folder keeps the generator it was made with).
configure: setup
	@if [ -f $(BUILD_DIR)/CMakeCache.txt ]; then cmake -S . -B $(BUILD_DIR) >/dev/null; \
	 else cmake -S . -B $(BUILD_DIR) -G Ninja -DCMAKE_BUILD_TYPE=RelWithDebInfo >/dev/null; fi

build: configure
	@cmake --build $(BUILD_DIR) -j $(JOBS)

test: build
	@cd $(BUILD_DIR) && ctest --output-on-failure -j $(JOBS) --timeout 900

demo: build
	@scripts/demo.sh $(BUILD_DIR)

bench: build
	@scripts/setup.sh --r
	@scripts/bench.sh $(BUILD_DIR)

# Regenerates the golden files from R (installs R first). Tests never need R.
golden:
	@scripts/setup.sh --r
	@scripts/golden/regenerate.sh

clean:
	rm -rf $(BUILD_DIR)
