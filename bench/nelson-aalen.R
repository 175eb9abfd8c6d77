# Times survival::survfit(stype = 2, ctype = 1 and 2, weights) on the data bench/nelson-aalen.bench.ts wrote
# (doubles: time, status, weight). Reading is excluded; the last stdout line is JSON.
suppressPackageStartupMessages(library(survival))
args <- commandArgs(trailingOnly = TRUE); n <- as.integer(args[2])
con <- file(args[1], "rb"); v <- readBin(con, "double", n = 3 * n, size = 8, endian = "little"); close(con)
time <- v[1:n]; status <- v[(n + 1):(2 * n)]; w <- v[(2 * n + 1):(3 * n)]; rm(v); invisible(gc())
elapsed <- system.time({
  na <- survfit(Surv(time, status) ~ 1, weights = w, stype = 2, ctype = 1)
  fh <- survfit(Surv(time, status) ~ 1, weights = w, stype = 2, ctype = 2)
})[["elapsed"]]
k <- length(na$time)
cat(sprintf('{"rSeconds": %.4f, "nTimes": %d, "lastNa": %.12f, "lastFh": %.12f, "lastStd": %.12f}\n', elapsed, k,
            na$cumhaz[k], fh$cumhaz[k], na$std.chaz[k]))
