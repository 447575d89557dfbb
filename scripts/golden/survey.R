# Golden files for the survey module (issue 5): runs R's survey package on its own data sets and on a
# small generated health monitor, and writes what Samenzicht must reproduce.
#
#   Rscript --vanilla scripts/golden/survey.R      (from the repository root)
#
# Writes tests/data/golden/survey/:
#   apistrat.csv, apiclus1.csv, apiclus2.csv, monitor.csv   input data (so the C++ tests need no R)
#   cases.csv       one row per case: the design, the estimator and its options (read by the C++ tests)
#   estimates.csv   one row per case × domain × term: estimate, se, ci_low, ci_high, deff, n
#   errors.csv      cases where R stops, with R's message
#   comparisons.csv domain differences (svycontrast on svyby with covmat=TRUE)
#   VERSIONS.txt    R and survey versions
# Missing values: every estimate uses na.rm=TRUE semantics; for svyciprop and svyquantile (whose df and
# row counts depend on it) the design is first subset to rows where the variable is present, which is
# what na.rm=TRUE does for svymean/svytotal/svyratio.
suppressPackageStartupMessages(library(survey))
out <- "tests/data/golden/survey"
dir.create(out, recursive = TRUE, showWarnings = FALSE)
data(api)

keep <- c("cds", "stype", "snum", "dnum", "cname", "api00", "api99", "enroll", "api.stu", "sch.wide", "awards",
          "meals", "acs.k3", "yr.rnd")
prep <- function(d) {
  d$sch_wide_yes <- as.numeric(d$sch.wide == "Yes")
  d$meals_high <- as.numeric(d$meals > 50)
  d$meals_high[seq(3, nrow(d), by = 17)] <- NA   # a binary item with missing values
  d
}
apistrat <- prep(apistrat[, c(keep, "pw", "fpc")])
apistrat$fpc_frac <- ave(rep(1, nrow(apistrat)), apistrat$stype, FUN = sum) / apistrat$fpc
apistrat$psu_in_stratum <- ave(seq_len(nrow(apistrat)), apistrat$stype, FUN = function(i) (seq_along(i) - 1) %/% 4 + 1)
apiclus1 <- prep(apiclus1[, c(keep, "pw", "fpc")])
apiclus2 <- prep(apiclus2[, c(keep, "pw", "fpc1", "fpc2")])

# A small generated health monitor: 14 gemeenten as strata, wijken as PSUs numbered within gemeente.
set.seed(20240501)
gm <- c("GM0141", "GM0147", "GM0153", "GM0158", "GM0163", "GM0164", "GM0168", "GM0173", "GM0183",
        "GM0189", "GM1700", "GM1735", "GM1742", "GM1774")
monitor <- do.call(rbind, lapply(seq_along(gm), function(g) {
  nwijk <- 3 + g %% 4
  n <- 60 + 10 * g
  data.frame(gemeente = gm[g], wijk = sample(seq_len(nwijk), n, replace = TRUE),
             gewicht = round(runif(n, 20, 80) * (1 + g / 7), 3))
}))
nm <- nrow(monitor)
monitor$inkomen_q <- sample(1:5, nm, replace = TRUE)
monitor$leeftijd <- sample(c("18-64", "65-74", "75+"), nm, replace = TRUE, prob = c(.6, .25, .15))
monitor$eenzaam <- rbinom(nm, 1, plogis(-1 + 0.2 * (monitor$inkomen_q == 1) + 0.4 * (monitor$leeftijd == "75+")))
monitor$mantelzorger <- rbinom(nm, 1, 0.165)
monitor$mantelzorger[sample(nm, 40)] <- NA
monitor$bmi <- round(rnorm(nm, 26 - 0.3 * monitor$inkomen_q, 4), 1)
monitor$bmi[sample(nm, 25)] <- NA
monitor$opleiding <- sample(c("laag", "midden", "hoog"), nm, replace = TRUE)
monitor$opleiding[sample(nm, 15)] <- NA

datasets <- list(apistrat = apistrat, apiclus1 = apiclus1, apiclus2 = apiclus2, monitor = monitor)
for (name in names(datasets)) write.csv(datasets[[name]], file.path(out, paste0(name, ".csv")), row.names = FALSE, na = "")

# ---- cases --------------------------------------------------------------------------------------------------------
cases <- read.csv(text = "
case,data,ids,strata,weights,fpc,nest,lonely,estimator,vars,by,method,p,level,deff
strat_mean,apistrat,1,stype,pw,fpc,0,fail,mean,api00+enroll,,,,0.95,1
strat_mean_cat,apistrat,1,stype,pw,fpc,0,fail,mean,stype+awards,,,,0.95,1
strat_mean_na,apistrat,1,stype,pw,fpc,0,fail,mean,acs.k3,awards,,,0.95,1
strat_total,apistrat,1,stype,pw,fpc,0,fail,total,enroll,,,,0.95,1
strat_total_cat,apistrat,1,stype,pw,fpc,0,fail,total,awards,stype,,,0.95,1
strat_ratio,apistrat,1,stype,pw,fpc,0,fail,ratio,api.stu/enroll,,,,0.95,1
strat_by_ratio,apistrat,1,stype,pw,fpc,0,fail,ratio,api.stu/enroll,awards,,,0.95,1
strat_by_mean,apistrat,1,stype,pw,fpc,0,fail,mean,api00,stype,,,0.95,1
strat_by2_mean,apistrat,1,stype,pw,fpc,0,fail,mean,api00+meals_high,stype+awards,,,0.95,1
strat_by_total,apistrat,1,stype,pw,fpc,0,fail,total,enroll,stype,,,0.95,1
strat_ciprop_logit,apistrat,1,stype,pw,fpc,0,fail,ciprop,sch_wide_yes,,logit,,0.95,0
strat_ciprop_beta,apistrat,1,stype,pw,fpc,0,fail,ciprop,sch_wide_yes,,beta,,0.95,0
strat_by_ciprop_logit,apistrat,1,stype,pw,fpc,0,fail,ciprop,sch_wide_yes,stype,logit,,0.95,0
strat_by_ciprop_beta,apistrat,1,stype,pw,fpc,0,fail,ciprop,sch_wide_yes,stype,beta,,0.95,0
strat_by_ciprop_mean,apistrat,1,stype,pw,fpc,0,fail,ciprop,sch_wide_yes,stype,mean,,0.95,0
strat_by_ciprop_xlogit,apistrat,1,stype,pw,fpc,0,fail,ciprop,sch_wide_yes,stype,xlogit,,0.95,0
strat_by_ciprop_asin,apistrat,1,stype,pw,fpc,0,fail,ciprop,sch_wide_yes,stype,asin,,0.95,0
strat_ciprop_likelihood,apistrat,1,stype,pw,fpc,0,fail,ciprop,sch_wide_yes,,likelihood,,0.95,0
strat_by_ciprop_likelihood,apistrat,1,stype,pw,fpc,0,fail,ciprop,sch_wide_yes,stype,likelihood,,0.95,0
strat_ciprop_na_likelihood,apistrat,1,stype,pw,fpc,0,fail,ciprop,meals_high,awards,likelihood,,0.9,0
strat_ciprop_na_beta,apistrat,1,stype,pw,fpc,0,fail,ciprop,meals_high,awards,beta,,0.95,0
strat_ciprop_level90,apistrat,1,stype,pw,fpc,0,fail,ciprop,meals_high,stype,logit,,0.9,0
strat_mean_level90,apistrat,1,stype,pw,fpc,0,fail,mean,api00,stype,,,0.9,0
strat_quantile,apistrat,1,stype,pw,fpc,0,fail,quantile,api00,,,0.5,0.95,0
strat_by_quantile,apistrat,1,stype,pw,fpc,0,fail,quantile,api00,stype,,0.25,0.95,0
strat_fpc_fraction,apistrat,1,stype,pw,fpc_frac,0,fail,mean,api00,awards,,,0.95,1
strat_fpc_weights,apistrat,1,stype,,fpc,0,fail,total,enroll,awards,,,0.95,1
strat_nofpc,apistrat,1,stype,pw,,0,fail,mean,api00+stype,awards,,,0.95,1
strat_nest,apistrat,psu_in_stratum,stype,pw,,1,fail,mean,api00,awards,,,0.95,1
clus1_mean,apiclus1,dnum,,pw,fpc,0,fail,mean,api00+enroll,,,,0.95,1
clus1_total,apiclus1,dnum,,pw,fpc,0,fail,total,enroll+stype,,,,0.95,1
clus1_by_mean,apiclus1,dnum,,pw,fpc,0,fail,mean,api00,stype,,,0.95,1
clus1_by_ciprop_logit,apiclus1,dnum,,pw,fpc,0,fail,ciprop,sch_wide_yes,stype,logit,,0.95,0
clus1_by_ciprop_beta,apiclus1,dnum,,pw,fpc,0,fail,ciprop,sch_wide_yes,stype,beta,,0.95,0
clus1_by_ciprop_likelihood,apiclus1,dnum,,pw,fpc,0,fail,ciprop,meals_high,stype,likelihood,,0.95,0
clus1_ratio,apiclus1,dnum,,pw,fpc,0,fail,ratio,api.stu/enroll,stype,,,0.95,1
clus1_quantile,apiclus1,dnum,,pw,fpc,0,fail,quantile,api00,,,0.5,0.95,0
clus1_nofpc_mean,apiclus1,dnum,,pw,,0,fail,mean,api00,stype,,,0.95,1
clus2_mean,apiclus2,dnum+snum,,,fpc1+fpc2,0,fail,mean,api00+enroll,,,,0.95,1
clus2_by_mean,apiclus2,dnum+snum,,,fpc1+fpc2,0,fail,mean,api00,stype,,,0.95,1
clus2_total,apiclus2,dnum+snum,,,fpc1+fpc2,0,fail,total,enroll,,,,0.95,1
clus2_by_ciprop_beta,apiclus2,dnum+snum,,,fpc1+fpc2,0,fail,ciprop,sch_wide_yes,stype,beta,,0.95,0
clus2_nofpc_mean,apiclus2,dnum+snum,,pw,,0,fail,mean,api00,stype,,,0.95,1
lonely_fail,apiclus1,dnum,cname,pw,,0,fail,mean,api00,,,,0.95,0
lonely_remove_mean,apiclus1,dnum,cname,pw,,0,remove,mean,api00,stype,,,0.95,0
lonely_certainty_mean,apiclus1,dnum,cname,pw,,0,certainty,mean,api00,stype,,,0.95,0
lonely_adjust_mean,apiclus1,dnum,cname,pw,,0,adjust,mean,api00,stype,,,0.95,0
lonely_average_mean,apiclus1,dnum,cname,pw,,0,average,mean,api00,stype,,,0.95,0
lonely_remove_total,apiclus1,dnum,cname,pw,,0,remove,total,enroll,,,,0.95,0
lonely_adjust_total,apiclus1,dnum,cname,pw,,0,adjust,total,enroll,,,,0.95,0
lonely_average_total,apiclus1,dnum,cname,pw,,0,average,total,enroll,,,,0.95,0
monitor_mean,monitor,wijk,gemeente,gewicht,,1,fail,mean,eenzaam+mantelzorger+bmi,,,,0.95,1
monitor_by_mean,monitor,wijk,gemeente,gewicht,,1,fail,mean,eenzaam,gemeente+inkomen_q,,,0.95,1
monitor_by_cat,monitor,wijk,gemeente,gewicht,,1,fail,mean,opleiding+leeftijd,inkomen_q,,,0.95,1
monitor_by_ciprop,monitor,wijk,gemeente,gewicht,,1,fail,ciprop,mantelzorger,gemeente,logit,,0.95,0
monitor_by_ciprop_beta,monitor,wijk,gemeente,gewicht,,1,fail,ciprop,mantelzorger,leeftijd,beta,,0.95,0
monitor_by_ciprop_likelihood,monitor,wijk,gemeente,gewicht,,1,fail,ciprop,eenzaam,leeftijd,likelihood,,0.95,0
monitor_by_total,monitor,wijk,gemeente,gewicht,,1,fail,total,mantelzorger,inkomen_q,,,0.95,1
monitor_by_quantile,monitor,wijk,gemeente,gewicht,,1,fail,quantile,bmi,inkomen_q,,0.5,0.95,0
", colClasses = "character", na.strings = "NOTNA")
cases$calibration <- ""
# Calibrated designs (postStratify / rake / calibrate, as in the package's examples on apiclus1). The population
# figures are written to pop_<variable>.csv; "linear:"/"raking:" list the variables and the totals of
# calibrate(..., calfun = "linear"/"raking").
calibrated <- read.csv(text = "
case,data,ids,strata,weights,fpc,nest,lonely,estimator,vars,by,method,p,level,deff,calibration
ps_mean,apiclus1,dnum,,pw,fpc,0,fail,mean,api00+enroll,,,,0.95,1,poststratify:stype
ps_by_mean,apiclus1,dnum,,pw,fpc,0,fail,mean,api00,awards,,,0.95,1,poststratify:stype
ps_by_total,apiclus1,dnum,,pw,fpc,0,fail,total,enroll,stype,,,0.95,0,poststratify:stype
ps_by_ciprop_beta,apiclus1,dnum,,pw,fpc,0,fail,ciprop,sch_wide_yes,awards,beta,,0.95,0,poststratify:stype
rake_mean,apiclus1,dnum,,pw,fpc,0,fail,mean,api00,,,,0.95,0,rake:stype|sch.wide
rake_by_mean,apiclus1,dnum,,pw,fpc,0,fail,mean,api00,awards,,,0.95,0,rake:stype|sch.wide
rake_total,apiclus1,dnum,,pw,fpc,0,fail,total,enroll,,,,0.95,0,rake:stype|sch.wide
cal_mean,apiclus1,dnum,,pw,fpc,0,fail,mean,api00,,,,0.95,0,linear:stype+api99:6194;755;1018;3914069
cal_by_mean,apiclus1,dnum,,pw,fpc,0,fail,mean,api00+enroll,awards,,,0.95,0,linear:stype+api99:6194;755;1018;3914069
cal_total,apiclus1,dnum,,pw,fpc,0,fail,total,enroll,stype,,,0.95,0,linear:stype+api99:6194;755;1018;3914069
calrake_mean,apiclus1,dnum,,pw,fpc,0,fail,mean,api00+enroll,,,,0.95,0,raking:stype+sch.wide:6194;755;1018;5122
calrake_by_mean,apiclus1,dnum,,pw,fpc,0,fail,mean,api00,awards,,,0.95,0,raking:stype+sch.wide:6194;755;1018;5122
calrake_total,apiclus1,dnum,,pw,fpc,0,fail,total,enroll,stype,,,0.95,0,raking:stype+sch.wide:6194;755;1018;5122
", colClasses = "character", na.strings = "NOTNA")
cases <- rbind(cases, calibrated)
populations <- list(stype = data.frame(stype = c("E", "H", "M"), Freq = c(4421, 755, 1018)),
                    sch.wide = data.frame(sch.wide = c("No", "Yes"), Freq = c(1072, 5122)))
for (name in names(populations)) write.csv(populations[[name]], file.path(out, paste0("pop_", name, ".csv")),
                                           row.names = FALSE)

fml <- function(s) as.formula(paste("~", paste0("`", strsplit(s, "+", fixed = TRUE)[[1]], "`", collapse = "+")))
make_design <- function(cs) {
  d <- datasets[[cs$data]]
  args <- list(ids = if (cs$ids == "1") ~1 else fml(cs$ids), data = d, nest = cs$nest == "1")
  if (cs$strata != "") args$strata <- fml(cs$strata)
  if (cs$weights != "") args$weights <- fml(cs$weights)
  if (cs$fpc != "") args$fpc <- fml(cs$fpc)
  des <- suppressWarnings(do.call(svydesign, args))
  cal <- cs$calibration
  if (startsWith(cal, "poststratify:")) {
    v <- sub("poststratify:", "", cal)
    des <- postStratify(des, fml(v), populations[[v]])
  } else if (startsWith(cal, "rake:")) {
    vs <- strsplit(sub("rake:", "", cal), "|", fixed = TRUE)[[1]]
    des <- rake(des, lapply(vs, fml), lapply(vs, function(v) populations[[v]]))
  } else if (startsWith(cal, "linear:") || startsWith(cal, "raking:")) {
    calfun <- sub(":.*", "", cal)
    parts <- strsplit(sub("^[a-z]+:", "", cal), ":", fixed = TRUE)[[1]]
    des <- calibrate(des, fml(parts[1]), as.numeric(strsplit(parts[2], ";")[[1]]), calfun = calfun)
  }
  des
}
vars_of <- function(cs) if (cs$estimator == "ratio") strsplit(cs$vars, "/", fixed = TRUE)[[1]] else
  strsplit(cs$vars, "+", fixed = TRUE)[[1]]

# One estimate on one (domain) design; returns a data frame of terms.
estimate_one <- function(cs, des) {
  level <- as.numeric(cs$level)
  vars <- vars_of(cs)
  dodeff <- cs$deff == "1"
  present <- complete.cases(des$variables[, vars, drop = FALSE])
  n <- sum(present & weights(des) != 0)
  if (cs$estimator %in% c("mean", "total")) {
    FUN <- if (cs$estimator == "mean") svymean else svytotal
    r <- FUN(fml(cs$vars), des, na.rm = TRUE, deff = dodeff)
    ci <- confint(r, level = level)
    data.frame(term = names(coef(r)), estimate = as.vector(coef(r)), se = as.vector(SE(r)), ci_low = ci[, 1], ci_high = ci[, 2],
               deff = if (dodeff) as.vector(deff(r)) else NA, n = n)
  } else if (cs$estimator == "ratio") {
    r <- svyratio(fml(vars[1]), fml(vars[2]), des, na.rm = TRUE, deff = dodeff)
    ci <- confint(r, level = level)
    data.frame(term = paste0(vars[1], "/", vars[2]), estimate = as.vector(coef(r)), se = as.vector(SE(r)),
               ci_low = ci[, 1], ci_high = ci[, 2], deff = if (dodeff) as.vector(attr(r, "deff")) else NA, n = n)
  } else if (cs$estimator == "ciprop") {
    sub <- des[present, ]
    r <- svyciprop(fml(cs$vars), sub, method = cs$method, level = level)
    ci <- confint(r)
    data.frame(term = vars[1], estimate = as.vector(coef(r)), se = as.vector(SE(r)), ci_low = ci[1], ci_high = ci[2],
               deff = NA, n = n)
  } else if (cs$estimator == "quantile") {
    sub <- des[present, ]
    p <- as.numeric(cs$p)
    r <- svyquantile(fml(cs$vars), sub, quantiles = p, ci = TRUE, alpha = 1 - level)
    ci <- confint(r)
    data.frame(term = vars[1], estimate = as.vector(coef(r)), se = as.vector(SE(r)), ci_low = ci[1, 1],
               ci_high = ci[1, 2], deff = NA, n = n)
  }
}

# Domains as svyby forms them: sorted unique levels of interaction(by) among rows with non-zero weight; the
# estimator runs on design[domain rows, ] (what svyby does), so degf, nrow and N-hat are the domain's.
run_case <- function(cs) {
  options(survey.lonely.psu = cs$lonely)
  des <- make_design(cs)
  if (cs$by == "") {
    res <- estimate_one(cs, des)
    res$domain <- ""
    return(res)
  }
  byvars <- strsplit(cs$by, "+", fixed = TRUE)[[1]]
  byfactor <- interaction(des$variables[, byvars, drop = FALSE])
  levels_present <- sort(unique(byfactor[weights(des) != 0]))
  do.call(rbind, lapply(levels_present, function(lev) {
    res <- estimate_one(cs, des[byfactor %in% lev, ])
    res$domain <- as.character(lev)
    res
  }))
}

# Cross-check of the domain loop against svyby itself (estimates and SEs must agree).
check_svyby <- function(cs, res) {
  if (cs$by == "" || !(cs$estimator %in% c("mean", "total"))) return(invisible())
  options(survey.lonely.psu = cs$lonely)
  des <- make_design(cs)
  FUN <- if (cs$estimator == "mean") svymean else svytotal
  b <- svyby(fml(cs$vars), fml(cs$by), des, FUN, na.rm = TRUE)
  stopifnot(isTRUE(all.equal(sort(as.vector(unlist(coef(b)))), sort(res$estimate))))
  if (!isTRUE(all.equal(sort(as.vector(unlist(SE(b)))), sort(res$se)))) { cat("svyby SE differs:", cs$case, "\n"); print(b); print(res) }
}

estimates <- list()
errors <- list()
for (i in seq_len(nrow(cases))) {
  cs <- cases[i, ]
  res <- tryCatch(run_case(cs), error = function(e) e)
  if (inherits(res, "error")) {
    errors[[length(errors) + 1]] <- data.frame(case = cs$case, message = conditionMessage(res))
    next
  }
  check_svyby(cs, res)
  res$case <- cs$case
  estimates[[length(estimates) + 1]] <- res[, c("case", "domain", "term", "estimate", "se", "ci_low", "ci_high",
                                                 "deff", "n")]
}
estimates <- do.call(rbind, estimates)
write.csv(cases, file.path(out, "cases.csv"), row.names = FALSE, na = "")
write.csv(estimates, file.path(out, "estimates.csv"), row.names = FALSE, na = "NA")
write.csv(do.call(rbind, errors), file.path(out, "errors.csv"), row.names = FALSE)

# ---- comparisons ------------------------------------------------------------------------------------------------
# Difference of two domain means within one design (svycontrast on svyby(covmat = TRUE)), a domain against the
# whole sample (delta method on totals), and two independent samples ("waves"). p-values: normal and t(degf).
comparisons <- list()
add_comparison <- function(name, est, se, df) {
  est <- as.vector(est); se <- as.vector(se); z <- est / se
  comparisons[[length(comparisons) + 1]] <<- data.frame(comparison = name, difference = est, se = se,
    ci_low = est - qnorm(0.975) * se, ci_high = est + qnorm(0.975) * se, statistic = z,
    p_normal = 2 * pnorm(-abs(z)), df = df, p_t = 2 * pt(-abs(z), df))
}
options(survey.lonely.psu = "fail")
dstrat <- svydesign(ids = ~1, strata = ~stype, weights = ~pw, fpc = ~fpc, data = apistrat)
b <- svyby(~api00, ~stype, dstrat, svymean, covmat = TRUE)
con <- svycontrast(b, c(E = 1, H = -1))
add_comparison("apistrat api00 stype E - H", coef(con), SE(con), degf(dstrat))
dmon <- svydesign(ids = ~wijk, strata = ~gemeente, weights = ~gewicht, nest = TRUE, data = monitor)
b <- svyby(~eenzaam, ~inkomen_q, dmon, svymean, covmat = TRUE)
con <- svycontrast(b, c("1" = 1, "5" = -1))
add_comparison("monitor eenzaam inkomen_q 1 - 5", coef(con), SE(con), degf(dmon))
dmon <- update(dmon, one = 1, in_gm = as.numeric(gemeente == "GM0153"), y_gm = eenzaam * (gemeente == "GM0153"))
tot <- svytotal(~y_gm + in_gm + eenzaam + one, dmon)
con <- svycontrast(tot, quote(y_gm / in_gm - eenzaam / one))
add_comparison("monitor eenzaam gemeente GM0153 - all", coef(con), SE(con), degf(dmon))
dclus1 <- svydesign(ids = ~dnum, weights = ~pw, fpc = ~fpc, data = apiclus1)
m1 <- svymean(~api00, dclus1)
m2 <- svymean(~api00, dstrat)
add_comparison("api00 apiclus1 - apistrat (independent)", coef(m1) - coef(m2), sqrt(SE(m1)^2 + SE(m2)^2),
               min(degf(dclus1), degf(dstrat)))
write.csv(do.call(rbind, comparisons), file.path(out, "comparisons.csv"), row.names = FALSE)

writeLines(c(R.version.string, paste("survey", as.character(packageVersion("survey"))),
             paste("generated by scripts/golden/survey.R on", format(Sys.Date()))),
           file.path(out, "VERSIONS.txt"))
cat("wrote", nrow(estimates), "estimates for", nrow(cases), "cases to", out, "\n")
