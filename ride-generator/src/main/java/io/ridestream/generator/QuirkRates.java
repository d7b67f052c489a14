package io.ridestream.generator;

/**
 * How often the generator writes the odd but real rows of the TLC's files, each a share of the rows from 0 to 1.
 *
 * @param blankVendor rows without a vendor, passenger count, rate code, store-and-forward flag, payment type or
 * surcharges, as at the end of the 2020 and 2021 files
 * @param outliers rows picked up outside the month of the start: mostly in the last days before it, some in
 * far-off years such as 2002 or 2088
 * @param refunds rows with every amount negated, the total too
 * @param unusualCodes rows with payment type 0 or vendor 5 or 6, codes missing from the data dictionary
 */
public record QuirkRates(double blankVendor, double outliers, double refunds, double unusualCodes) {

	/** No odd rows: the generator's rides as they always were. */
	public static final QuirkRates NONE = new QuirkRates(0, 0, 0, 0);

	public QuirkRates {
		check(blankVendor, "blank vendor");
		check(outliers, "outlier");
		check(refunds, "refund");
		check(unusualCodes, "unusual codes");
	}

	public QuirkRates withBlankVendor(double fraction) {
		return new QuirkRates(fraction, this.outliers, this.refunds, this.unusualCodes);
	}

	public QuirkRates withOutliers(double fraction) {
		return new QuirkRates(this.blankVendor, fraction, this.refunds, this.unusualCodes);
	}

	public QuirkRates withRefunds(double fraction) {
		return new QuirkRates(this.blankVendor, this.outliers, fraction, this.unusualCodes);
	}

	public QuirkRates withUnusualCodes(double fraction) {
		return new QuirkRates(this.blankVendor, this.outliers, this.refunds, fraction);
	}

	/** Whether any odd row is asked for. */
	public boolean any() {
		return this.blankVendor > 0 || this.outliers > 0 || this.refunds > 0 || this.unusualCodes > 0;
	}

	private static void check(double fraction, String quirk) {
		if (!(fraction >= 0 && fraction <= 1)) {
			throw new IllegalArgumentException(quirk + " fraction must be between 0 and 1, was " + fraction);
		}
	}

}
