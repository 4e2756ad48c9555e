# MailSim: the two commands of the quick start are `make run` and `make test`.
BUILD_DIR ?= build
ASAN_DIR  ?= build-asan
JOBS      ?= 2
CMAKE_FLAGS ?=
SOAK_RUNS ?= 3000
FUZZ_DIR  ?= build-fuzz
FUZZ_CXX  ?= clang++-16
FUZZ_SECONDS ?= 60

.PHONY: all deps configure build run test soak bench asan fuzz-build fuzz fuzz-ci format clean

all: build

deps:
	@tools/install-deps.sh

$(BUILD_DIR)/build.ninja:
	cmake -S . -B $(BUILD_DIR) -G Ninja -DCMAKE_BUILD_TYPE=RelWithDebInfo $(CMAKE_FLAGS)

configure: deps $(BUILD_DIR)/build.ninja

build: configure
	cmake --build $(BUILD_DIR) -j$(JOBS)

run: build
	@tools/run-default.sh $(BUILD_DIR)

test: build
	ctest --test-dir $(BUILD_DIR) --output-on-failure -j$(JOBS)

# The fault soak with many more runs than CI's (tests/soak/, MAILSIM_SOAK_RUNS).
soak: build
	MAILSIM_SOAK_RUNS=$(SOAK_RUNS) ctest --test-dir $(BUILD_DIR) -R '^Soak\.' --output-on-failure --timeout 3600

# Huge pages for malloc's heap: a city's gigabyte of mailboxes then costs a few thousand page
# faults instead of 300,000. A per-thread cache of 2,000 freed blocks per size instead of 7:
# a big run's bursts of small frees then stay at hand instead of going back to malloc's bins
# (bench/README.md, city).
bench: export GLIBC_TUNABLES = glibc.malloc.hugetlb=1:glibc.malloc.tcache_count=2000
bench: build
	$(BUILD_DIR)/bench/kernel_hold
	$(BUILD_DIR)/bench/net/net_stream
	$(BUILD_DIR)/bench/mail/mail_journey
	$(BUILD_DIR)/bench/city/city
	$(BUILD_DIR)/bench/memory/memory_per_thing
	$(BUILD_DIR)/bench/gui/gui_replay
	xvfb-run -a $(BUILD_DIR)/bench/gui/gui_frame

# ASan+UBSan at -O1: the whole suite runs in about 13 min instead of an hour at -O0
# (docs/security.md).
asan: deps
	cmake -S . -B $(ASAN_DIR) -G Ninja -DCMAKE_BUILD_TYPE=Debug "-DCMAKE_CXX_FLAGS_DEBUG=-O1 -g1" -DMAILSIM_SANITIZE=ON -DMAILSIM_BENCH=OFF $(CMAKE_FLAGS)
	cmake --build $(ASAN_DIR) -j$(JOBS)
	ctest --test-dir $(ASAN_DIR) --output-on-failure -j$(JOBS)

# libFuzzer targets (fuzz/, docs/security.md), built with clang and ASan+UBSan in $(FUZZ_DIR);
# -O1 with line tables only builds twice as fast as -O2 -g and keeps asserts and stack traces.
# `make fuzz` runs each FUZZ_SECONDS seconds; `make fuzz-ci` a fixed number of runs from the seeds.
fuzz-build: deps
	CXX=$(FUZZ_CXX) cmake -S . -B $(FUZZ_DIR) -G Ninja -DCMAKE_BUILD_TYPE=Debug \
	  "-DCMAKE_CXX_FLAGS_DEBUG=-O1 -gline-tables-only" -DMAILSIM_FUZZ=ON -DMAILSIM_GUI=OFF -DMAILSIM_TESTS=OFF -DMAILSIM_BENCH=OFF $(CMAKE_FLAGS)
	cmake --build $(FUZZ_DIR) -j$(JOBS)
	rm -rf $(FUZZ_DIR)/seeds && python3 fuzz/seeds.py . $(FUZZ_DIR)/seeds

fuzz: fuzz-build
	fuzz/run.sh $(FUZZ_DIR) time $(FUZZ_SECONDS)

fuzz-ci: fuzz-build
	fuzz/run.sh $(FUZZ_DIR) ci

format:
	git ls-files '*.cpp' '*.hpp' | xargs clang-format -i

clean:
	rm -rf $(BUILD_DIR) $(ASAN_DIR) $(FUZZ_DIR)
