# Times survival::survfit with a multi-state factor status (Aalen–Johansen with its
# infinitesimal-jackknife standard errors) on the data bench/aalen-johansen.bench.ts wrote.
# Usage: Rscript bench/aalen-johansen.R <file.bin> <n>; columns: time, status (0/1/2), group (0/1/2).
suppressPackageStartupMessages(library(survival))
args <- commandArgs(trailingOnly = TRUE); n <- as.integer(args[2])
con <- file(args[1], "rb"); v <- readBin(con, "double", n = 3 * n, size = 8, endian = "little"); close(con)
time <- v[1:n]; status <- factor(v[(n + 1):(2 * n)], 0:2, c("censor", "1", "2")); group <- v[(2 * n + 1):(3 * n)]
rm(v); invisible(gc())
elapsed <- system.time(fit <- survfit(Surv(time, status) ~ group))[["elapsed"]]
k <- length(fit$time)
cat(sprintf('{"rSeconds": %.4f, "nTimes": %d, "last": [%.12f, %.12f, %.12f], "lastSe": [%.12f, %.12f, %.12f]}\n', elapsed, k,
            fit$pstate[k, 1], fit$pstate[k, 2], fit$pstate[k, 3], fit$std.err[k, 1], fit$std.err[k, 2], fit$std.err[k, 3]))
