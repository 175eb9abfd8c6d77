# Times survival::survdiff on the data bench/log-rank.bench.ts wrote (doubles: time, status, group).
suppressPackageStartupMessages(library(survival))
args <- commandArgs(trailingOnly = TRUE); n <- as.integer(args[2])
con <- file(args[1], "rb"); v <- readBin(con, "double", n = 3 * n, size = 8, endian = "little"); close(con)
time <- v[1:n]; status <- v[(n + 1):(2 * n)]; g <- v[(2 * n + 1):(3 * n)]; rm(v); invisible(gc())
elapsed <- system.time(s <- survdiff(Surv(time, status) ~ g))[["elapsed"]]
cat(sprintf('{"rSeconds": %.4f, "chisq": %.10f}\n', elapsed, s$chisq))
