package io.ridestream.consumer.stats;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.function.Function;

/**
 * A bar chart of one figure per window, oldest window on the left, drawn by the page as SVG: the geometry is
 * computed here, so the chart is on the page with its first paint, JavaScript or not.
 *
 * @param title what the chart shows, its accessible name
 * @param unit the unit of the values, for the labels: {@code rides}, or {@code $} for amounts
 * @param bars one per window, oldest first
 * @param maxLabel the value of the top of the scale, with its unit
 * @param firstLabel the start of the oldest window shown ({@code MM-dd HH:mm}), empty without windows
 * @param lastLabel the start of the newest window shown, likewise
 */
record WindowChart(String title, String unit, List<Bar> bars, String maxLabel, String firstLabel, String lastLabel) {

	/** The drawing area in SVG units; the page scales it to its width. */
	static final int WIDTH = 600;

	static final int HEIGHT = 160;

	private static final DateTimeFormatter LABEL = DateTimeFormatter.ofPattern("MM-dd HH:mm");

	/**
	 * @param windows the windows, in any order
	 * @param value the figure of a window, at least 0 for a bar to show
	 */
	static WindowChart of(String title, String unit, List<WindowsView.Window> windows,
			Function<WindowsView.Window, BigDecimal> value) {
		List<WindowsView.Window> oldestFirst = windows.stream()
			.sorted(Comparator.comparing(WindowsView.Window::start))
			.toList();
		BigDecimal max = oldestFirst.stream().map(value).max(Comparator.naturalOrder()).orElse(BigDecimal.ZERO);
		BigDecimal scale = (max.signum() > 0) ? max : BigDecimal.ONE;
		double slot = (oldestFirst.isEmpty()) ? WIDTH : (double) WIDTH / oldestFirst.size();
		Function<BigDecimal, String> label = (figure) -> "$".equals(unit) ? "$" + figure.toPlainString()
				: figure.toPlainString() + " " + unit;
		List<Bar> bars = new ArrayList<>();
		for (int i = 0; i < oldestFirst.size(); i++) {
			WindowsView.Window window = oldestFirst.get(i);
			BigDecimal figure = value.apply(window);
			double height = Math.max(0, figure.divide(scale, 6, RoundingMode.HALF_EVEN).doubleValue() * HEIGHT);
			bars.add(new Bar(round(i * slot + slot * 0.1), round(HEIGHT - height), round(slot * 0.8), round(height),
					DateTimeFormatter.ISO_LOCAL_DATE_TIME.format(window.start()), figure.toPlainString(), LABEL.format(window.start()) + ": " + label.apply(figure)
							+ (window.closed() ? "" : " (window still open)")));
		}
		String first = oldestFirst.isEmpty() ? "" : LABEL.format(oldestFirst.get(0).start());
		String last = oldestFirst.isEmpty() ? "" : LABEL.format(oldestFirst.get(oldestFirst.size() - 1).start());
		return new WindowChart(title, unit, bars, label.apply(max), first, last);
	}

	/** The width of the drawing, for the page. */
	public int width() {
		return WIDTH;
	}

	/** The height of the drawing, for the page. */
	public int height() {
		return HEIGHT;
	}

	private static String round(double value) {
		return BigDecimal.valueOf(value).setScale(1, RoundingMode.HALF_EVEN).toPlainString();
	}

	/**
	 * One bar, in SVG units.
	 *
	 * @param start the window's start, as {@code /stats/windows} writes it ({@code 2020-07-01T07:30:00})
	 * @param value the figure, exactly as {@code /stats/windows} gives it
	 * @param label what the bar shows, in words, for its tooltip and screen readers
	 */
	record Bar(String x, String y, String width, String height, String start, String value, String label) {
	}

}
