# Writes examples/smoking-cessation-network.csv (the `nma` example) from metafor's dat.hasselblad1998
# (metadat): 24 trials of smoking-cessation counselling, 4 treatments, two of them three-arm trials.
# Run from the repository root:  Rscript examples/make_nma_example.R
# Produced with: R version 4.2.2 Patched (2022-11-10 r83330), metafor 3.8.1, metadat 1.2.0.
suppressMessages(library(metafor))
h <- dat.hasselblad1998
d <- data.frame(study = paste(h$authors, h$year), treatment = h$trt, events = h$xi, n = h$ni)
write.csv(d, file.path("examples", "smoking-cessation-network.csv"), row.names = FALSE, quote = TRUE)
cat("wrote smoking-cessation-network.csv\n")
