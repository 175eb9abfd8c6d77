# Times stats::wilcox.test(x, y, conf.int = TRUE) on the data bench/mann-whitney.bench.ts wrote (doubles: x, y).
args <- commandArgs(trailingOnly = TRUE); n <- as.integer(args[2])
con <- file(args[1], "rb"); v <- readBin(con, "double", n = 2 * n, size = 8, endian = "little"); close(con)
x <- v[1:n]; y <- v[(n + 1):(2 * n)]; rm(v); invisible(gc())
elapsed <- system.time(w <- wilcox.test(x, y, conf.int = TRUE))[["elapsed"]]
cat(sprintf('{"rSeconds": %.4f, "W": %.1f, "p": %.10g, "estimate": %.12g, "lower": %.12g, "upper": %.12g}\n',
            elapsed, w$statistic, w$p.value, w$estimate, w$conf.int[1], w$conf.int[2]))
