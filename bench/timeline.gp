# The same chart for comparison: every event as a point on a time axis, its title beside it,
# a row per group. gnuplot -e "in='events.csv'; out='chart.svg'; fmt='svg'" bench/timeline.gp
set datafile separator comma
set xdata time
set timefmt "%Y-%m-%d"
set format x "%Y"
set key off
set yrange [-0.5:5.5]
set ytics ("Research" 0, "Engineering" 1, "Operations" 2, "Policy" 3, "Community" 4)
if (fmt eq "svg") { set terminal svg size 1200,800 font "Noto Sans,9" }
if (fmt eq "png") { set terminal pngcairo size 1200,800 font "Noto Sans,9" }
if (fmt eq "pdf") { set terminal pdfcairo size 12.5in,8.33in font "Noto Sans,9" }
set output out
row(g) = g eq "Research" ? 0 : g eq "Engineering" ? 1 : g eq "Operations" ? 2 : g eq "Policy" ? 3 : 4
plot in every ::1 using 1:(row(strcol(4))):3 with labels point pt 7 ps 0.5 offset 0.5,0 left font ",7"
