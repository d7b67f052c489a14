package io.ridestream.generator;

import io.ridestream.model.Dataset;

/**
 * How many of the odd but real rows of the TLC's files the generator wrote, among the rows it did not break.
 *
 * @param blankVendor rows without a vendor (and without the other codes the vendor records)
 * @param pickupsBeforeMonth rows picked up in the days before the month of the start
 * @param pickupsInFarOffYears rows picked up in a far-off year such as 2002 or 2088
 * @param refunds rows with every amount negated: those asked for and those the taxi rides have anyway (disputes
 * and no-charge rides refunded, about 0.8% of them)
 * @param paymentTypeZero rows with payment type 0
 * @param unusualVendors rows with vendor 5 or 6
 * @param blankPickupLocations FHV rows without a pickup zone, as a good share of the TLC's have
 * @param blankDropoffLocations FHV rows without a dropoff zone
 */
public record QuirkCounts(long blankVendor, long pickupsBeforeMonth, long pickupsInFarOffYears, long refunds,
		long paymentTypeZero, long unusualVendors, long blankPickupLocations, long blankDropoffLocations) {

	/** Counts the odd rows as they are written. */
	static final class Tally {

		private final boolean taxi;

		private long blankVendor;

		private long pickupsBeforeMonth;

		private long pickupsInFarOffYears;

		private long refunds;

		private long paymentTypeZero;

		private long unusualVendors;

		private long blankPickupLocations;

		private long blankDropoffLocations;

		Tally(Dataset dataset) {
			this.taxi = dataset.hasFares();
		}

		void add(Trip trip) {
			if (trip.pickupBeforeMonth) {
				this.pickupsBeforeMonth++;
			}
			if (trip.pickupInFarOffYear) {
				this.pickupsInFarOffYears++;
			}
			if (!this.taxi) {
				this.blankPickupLocations += (trip.pickupLocationId == Trip.EMPTY) ? 1 : 0;
				this.blankDropoffLocations += (trip.dropoffLocationId == Trip.EMPTY) ? 1 : 0;
				return;
			}
			if (trip.vendorId == Trip.EMPTY) {
				this.blankVendor++;
			}
			else if (trip.vendorId == 5 || trip.vendorId == 6) {
				this.unusualVendors++;
			}
			this.refunds += trip.refunded ? 1 : 0;
			this.paymentTypeZero += (trip.paymentType == 0) ? 1 : 0;
		}

		QuirkCounts counts() {
			return new QuirkCounts(this.blankVendor, this.pickupsBeforeMonth, this.pickupsInFarOffYears, this.refunds,
					this.paymentTypeZero, this.unusualVendors, this.blankPickupLocations, this.blankDropoffLocations);
		}

	}

}
