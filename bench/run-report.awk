# bench/run's report: reads its typed, tab-separated rows (info, server, rss, target, load, fixed) and prints the
# tables: servers, rounds with medians, warm-up slices, ratios within each round against issue 16's bar, fixed rate.

function median(list,   n, a, i, j, t) {
    n = split(list, a, " ")
    if (n == 0) return ""
    for (i = 2; i <= n; i++)
        for (j = i; j > 1 && a[j - 1] + 0 > a[j] + 0; j--) { t = a[j]; a[j] = a[j - 1]; a[j - 1] = t }
    return n % 2 ? a[(n + 1) / 2] : (a[n / 2] + a[n / 2 + 1]) / 2
}

function status(value, bar, below) {
    if (bar == "") return ""
    return (below ? value + 0 < bar + 0 : value + 0 >= bar + 0) ? "met" : "missed"
}

function ratio(num, den, text, bar,   r, list, value, line, n) {
    if (!(num in label) || !(den in label)) return
    list = ""; line = ""; n = 0
    for (r = 1; r <= rounds; r++)
        if ((num, r) in rps && (den, r) in rps && rps[den, r] > 0) {
            value = rps[num, r] / rps[den, r]
            list = list " " value; line = line sprintf(" %.2f", value); n++
        }
    if (n == 0) return
    printf "%-66s | %-16s | %6.2f | %-8s | %s\n", text, substr(line, 2), median(list), bar == "" ? "" : ">= " bar,
        status(median(list), bar, 0)
}

function fixed_row(key, bar) {
    if (!(key in fixed_rps)) return
    printf "%-66s | %9.0f | %7.2f | %7.2f | %6d | %11s | %-8s | %s\n", label[key], fixed_rps[key], fixed_p50[key],
        fixed_p99[key], fixed_errors[key], fixed_others[key] "%", bar == "" ? "" : "p99 < " bar,
        status(fixed_p99[key], bar, 1)
}

$1 == "info" { info[$2] = $3; next }
$1 == "server" { servers[++server_count] = $2; options[$2] = $3; cold[$2] = $4; idle[$2] = $5; next }
$1 == "rss" { after[$2] = $3; next }
$1 == "target" { targets[++target_count] = $2; label[$2] = $3; next }
$1 == "load" && $2 == "warmup" {
    if (!($3 in is_slice)) { is_slice[$3] = 1; slices[++slice_count] = $3 }
    warm[$4, $3] = $5; warmed[$4] = 1; errors[$4] += $8; next
}
$1 == "load" {
    round_list[$4] = round_list[$4] " " $5; p50[$4] = p50[$4] " " $6; p99[$4] = p99[$4] " " $7
    others[$4] = others[$4] " " $9; errors[$4] += $8; rps[$4, $3] = $5
    if ($3 > rounds) rounds = $3
    if ($10 != "-") logins[$4] = logins[$4] " " $10
    next
}
$1 == "fixed" {
    fixed_rps[$2] = $3; fixed_p50[$2] = $4; fixed_p99[$2] = $5; fixed_errors[$2] = $6; fixed_others[$2] = $7
    if ($8 != "-") fixed_logins[$2] = $8
}

END {
    split(info["databases"], dbs, " ")
    print ""
    print "Latchkey against its platform and the Spring Security peer, " info["started"] ": " info["method"] "."
    print "Load average (1, 5, 15 min): " info["load-start"] " at the start, " info["load-warm"] \
        " after the warm-up, " info["load-end"] " at the end."
    print "Others' CPU: the share of both cores used by processes other than the measured server and wrk" \
        " (PostgreSQL, the idle servers and the failing logins included)."

    print ""
    print "Servers (cold start: ms from launching java to the first 200 of GET /auth/providers; idle RSS 5 s later):"
    printf "%-20s | %9s | %8s | %17s | %s\n", "server", "cold ms", "idle MB", "RSS after load MB", "JVM options"
    for (i = 1; i <= server_count; i++)
        printf "%-20s | %9s | %8s | %17s | %s\n", servers[i], cold[servers[i]], idle[servers[i]], after[servers[i]],
            options[servers[i]]

    print ""
    print "Rounds (requests/s of each round, then the medians of the rounds; latencies in ms; errors: non-2xx and" \
        " socket errors, warm-up included):"
    printf "%-66s | %-22s | %10s | %7s | %7s | %6s | %11s\n", "target", "requests/s by round", "median r/s", "p50",
        "p99", "errors", "others' CPU"
    for (i = 1; i <= target_count; i++) {
        key = targets[i]; line = ""
        for (r = 1; r <= rounds; r++) line = line ((key, r) in rps ? sprintf(" %.0f", rps[key, r]) : " -")
        printf "%-66s | %-22s | %10.0f | %7.2f | %7.2f | %6d | %10.0f%%\n", label[key], substr(line, 2),
            median(round_list[key]), median(p50[key]), median(p99[key]), errors[key], median(others[key])
    }
    for (i = 1; i <= target_count; i++)
        if (targets[i] in logins)
            printf "  %s: the wrong-password logins beside it got %.1f answers/s (median).\n", label[targets[i]],
                median(logins[targets[i]])
    print "  The 1M-sessions rows: measured after the other rounds and the fixed rate, on the same warm server, after" \
        " one slice of warm-up."

    print ""
    print "Warm-up (requests/s of each slice of the target's own warm-up, seconds since it began; then the rounds'" \
        " median):"
    printf "%-66s |", "target"
    for (s = 1; s <= slice_count; s++) printf " %6s", slices[s] "s"
    printf " | %6s\n", "rounds"
    for (i = 1; i <= target_count; i++) {
        key = targets[i]
        if (!(key in warmed)) continue
        printf "%-66s |", label[key]
        for (s = 1; s <= slice_count; s++)
            printf " %6s", (key, slices[s]) in warm ? sprintf("%.0f", warm[key, slices[s]]) : "-"
        printf " | %6.0f\n", median(round_list[key])
    }

    print ""
    print "Ratios of requests/s within each round, and their median, against issue 16's bar:"
    printf "%-66s | %-16s | %6s | %-8s | %s\n", "ratio", "by round", "median", "bar", ""
    ratio("bare", "spring-providers", "bare Payara GET / Spring's public GET (the platforms)", "")
    ratio("spring-me", "bare", "Spring /auth/me / bare Payara GET", "")
    ratio("bare-mechanism", "bare", "bare GET with a no-op mechanism / bare (the platform's price)", "")
    for (d = 1; d in dbs; d++) {
        db = dbs[d]
        ratio(db "-providers", "bare", "Latchkey (" db ") /auth/providers / bare", "0.8")
        ratio(db "-me", "bare", "Latchkey (" db ") /auth/me cookie / bare", "0.7")
        ratio(db "-providers", "bare-mechanism", "Latchkey (" db ") /auth/providers / bare + no-op mechanism", "")
        ratio(db "-me", "bare-mechanism", "Latchkey (" db ") /auth/me cookie / bare + no-op mechanism", "")
        ratio(db "-me", "spring-me", "Latchkey (" db ") /auth/me cookie / Spring /auth/me", "1")
        ratio(db "-bearer", "bare", "Latchkey (" db ") /auth/me Bearer / bare", "")
        ratio(db "-logins", db "-me", "Latchkey (" db ") /auth/me beside failing logins / alone", "")
        if ((db "-seeded") in label && (db "-me") in label)
            printf "%-66s | %-16s | %6.2f |\n", "Latchkey (" db ") /auth/me 1M sessions / cookie (medians)", "",
                median(round_list[db "-seeded"]) / median(round_list[db "-me"])
    }

    print ""
    print "Fixed rate (" info["rate"] "; latencies in ms):"
    printf "%-66s | %9s | %7s | %7s | %6s | %11s | %-8s | %s\n", "target", "achieved", "p50", "p99", "errors",
        "others' CPU", "bar", ""
    fixed_row("bare", "")
    fixed_row("spring-me", "")
    for (d = 1; d in dbs; d++) {
        fixed_row(dbs[d] "-me", "10")
        fixed_row(dbs[d] "-logins", "25")
    }
    for (key in fixed_logins)
        printf "  %s: the wrong-password logins beside it got %.1f answers/s.\n", label[key], fixed_logins[key]
}
