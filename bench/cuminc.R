# Times cmprsk::cuminc (curves, variances, Gray's test across 3 groups) on the data bench/cuminc.bench.ts
# wrote. Usage: Rscript bench/cuminc.R <file.bin> <n>; columns: time, status (0/1/2), group (0/1/2).
suppressPackageStartupMessages(library(cmprsk))
args <- commandArgs(trailingOnly = TRUE); n <- as.integer(args[2])
con <- file(args[1], "rb"); v <- readBin(con, "double", n = 3 * n, size = 8, endian = "little"); close(con)
time <- v[1:n]; status <- v[(n + 1):(2 * n)]; group <- v[(2 * n + 1):(3 * n)]
rm(v); invisible(gc())
elapsed <- system.time(fit <- cuminc(time, status, group))[["elapsed"]]
cat(sprintf('{"rSeconds": %.4f, "stat": [%.10f, %.10f]}\n', elapsed, fit$Tests[1, "stat"], fit$Tests[2, "stat"]))
