# Times survfit.coxph, predict.coxph(type = "expected", se.fit = TRUE) and direct adjusted curves on the data
# bench/cox-curves.bench.ts wrote (doubles: time, status, x1..xp). The coxph fit and reading are not timed.
# Usage: Rscript bench/cox-curves.R <file.bin> <n> <p> <population>. Last stdout line: JSON.
suppressPackageStartupMessages(library(survival))
args <- commandArgs(trailingOnly = TRUE)
n <- as.integer(args[2]); p <- as.integer(args[3]); npop <- as.integer(args[4])
con <- file(args[1], "rb"); v <- readBin(con, "double", n = n * (p + 2), size = 8, endian = "little"); close(con)
m <- matrix(v, nrow = n); rm(v)
d <- data.frame(time = m[, 1], status = m[, 2], m[, 3:(p + 2)]); names(d)[3:(p + 2)] <- paste0("x", 1:p); rm(m)
invisible(gc())
fit <- coxph(Surv(time, status) ~ x1 + x2 + x3 + x4 + x5, data = d, ties = "efron")
nd <- data.frame(x1 = c(0, 1), x2 = c(0, 1), x3 = c(-0.5, 0.5), x4 = c(-0.5, 0.5), x5 = c(-0.5, 0.5))
pop <- d[seq_len(npop), ]
t1 <- system.time(sf <- survfit(fit, newdata = nd))[["elapsed"]]
t2 <- system.time(pr <- predict(fit, type = "expected", se.fit = TRUE))[["elapsed"]]
t3 <- system.time(adj <- lapply(c(0, 1), function(g) {
  pg <- pop; pg$x1 <- g
  rowMeans(survfit(fit, newdata = pg, se.fit = FALSE)$surv)
}))[["elapsed"]]
k <- length(sf$time)
cat(sprintf(paste0('{"rSeconds": %.4f, "survfit": %.4f, "predict": %.4f, "adjusted": %.4f, "lastSurv": %.12f, ',
                   '"lastSe": %.12f, "expected0": %.12f, "se0": %.12f, "adjLast": %.12f}\n'),
            t1 + t2 + t3, t1, t2, t3, sf$surv[k, 2], sf$std.err[k, 2], pr$fit[1], pr$se.fit[1], adj[[2]][length(adj[[2]])]))
