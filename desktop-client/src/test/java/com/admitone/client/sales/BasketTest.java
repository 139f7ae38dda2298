package com.admitone.client.sales;

import com.admitone.model.order.PaymentMethod;
import com.admitone.model.pricing.PriceType;
import com.admitone.model.sync.Commands;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class BasketTest {
    final Basket basket = new Basket(808, "GBP", 2000, Map.of(
            "STALLS", Map.of(PriceType.ADULT, 4200L, PriceType.CHILD, 2600L),
            "GALLERY", Map.of(PriceType.ADULT, 1400L)));

    @Test
    void pricesComeFromTheListAndTotalsIncludeTax() {
        Basket.Line a = basket.addSeat(5, "S-K17", "STALLS");
        Basket.Line b = basket.addSeat(6, "S-K18", "STALLS");
        basket.setPriceType(b, PriceType.CHILD);
        assertThat(a.priceMinor()).isEqualTo(4200);
        assertThat(b.priceMinor()).isEqualTo(2600);
        assertThat(basket.totalMinor()).isEqualTo(6800);
        assertThat(basket.taxIncluded()).isEqualTo(1133); // 6800 * 2000 / 12000, half up
        assertThatThrownBy(() -> basket.setPriceType(a, PriceType.SENIOR)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void discountsNeedAReasonAndPaymentsMustAddUp() {
        Basket.Line a = basket.addSeat(5, "S-K17", "STALLS");
        basket.setLineDiscount(a, 200, " ");
        assertThat(basket.problem()).contains("reason");
        basket.setLineDiscount(a, 200, "Loyalty");
        basket.setOrderDiscount(500, "Complaint");
        assertThat(basket.totalMinor()).isEqualTo(3500);
        assertThatThrownBy(() -> basket.toCommand(UUID.randomUUID(), null,
                List.of(new Basket.Payment(PaymentMethod.CASH, 3000, 5000L, null)), null))
                .hasMessageContaining("add up");

        UUID hold = UUID.randomUUID();
        Commands.SellSeats sale = basket.toCommand(UUID.randomUUID(), hold, List.of(
                new Basket.Payment(PaymentMethod.CASH, 1500, 2000L, null),
                new Basket.Payment(PaymentMethod.CARD, 2000, null, "T-123")), new Commands.Customer("Jo", null, null));
        assertThat(sale.holdId()).isEqualTo(hold);
        assertThat(sale.lines()).singleElement().satisfies(l -> {
            assertThat(l.priceMinor()).isEqualTo(4200);
            assertThat(l.discountMinor()).isEqualTo(200);
            assertThat(l.discountReason()).isEqualTo("Loyalty");
        });
        assertThat(sale.orderDiscountMinor()).isEqualTo(500);
        assertThat(sale.payments()).extracting(Commands.PaymentLine::tenderedMinor).containsExactly(2000L, null);
        assertThat(new Basket.Payment(PaymentMethod.CASH, 1500, 2000L, null).changeMinor()).isEqualTo(500);
    }

    @Test
    void generalAdmissionPlacesAreSoldByQuantityWithoutAHold() {
        basket.addArea(3, "Gallery 1", "GALLERY");
        basket.addArea(3, "Gallery 2", "GALLERY");
        assertThat(basket.areaCount(3)).isEqualTo(2);
        assertThat(basket.removeArea(3, 1)).isEqualTo(1);
        Commands.SellSeats sale = basket.toCommand(UUID.randomUUID(), UUID.randomUUID(),
                List.of(new Basket.Payment(PaymentMethod.INVOICE, 1400, null, "INV-1")), null);
        assertThat(sale.holdId()).isNull();
        assertThat(sale.lines()).singleElement().satisfies(l -> assertThat(l.areaId()).isEqualTo(3L));
    }
}
