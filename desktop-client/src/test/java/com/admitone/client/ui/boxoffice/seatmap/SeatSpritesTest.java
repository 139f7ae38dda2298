package com.admitone.client.ui.boxoffice.seatmap;

import com.admitone.model.venue.SeatFlag;
import javafx.scene.image.PixelReader;
import javafx.scene.paint.Color;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.testfx.api.FxToolkit;

import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

class SeatSpritesTest {
    private static final Color GREEN = Color.web("#2e7d32");
    private static SeatPalette palette;

    @BeforeAll
    static void toolkit() throws Exception {
        FxToolkit.registerPrimaryStage();
        Color[] status = new Color[SeatStatus.values().length];
        java.util.Arrays.fill(status, Color.GREY);
        palette = new SeatPalette(status, new Color[] {GREEN}, Color.WHITE, Color.BLACK, Color.BLUE, Color.GREY,
                Color.WHITE, Color.BLACK, Color.BLACK, Color.BLACK);
    }

    private final SeatSprites sprites = new SeatSprites();

    @Test
    void aDiscInTheFillColourWithClearCorners() {
        SeatSprites.Sprite s = sprites.get(GREEN, SeatStatus.FREE, Set.of(), 10, palette);
        PixelReader px = s.image().getPixelReader();
        int c = (int) s.centre();

        assertThat(px.getColor(c, c)).isEqualTo(GREEN);
        assertThat(px.getColor(c + 6, c)).isEqualTo(GREEN);
        assertThat(px.getColor(0, 0).getOpacity()).isZero();
        // Anti-aliased edge: the pixel centred at (9.5, 3.5) from the centre is 0.12 px outside.
        assertThat(px.getColor(c + 9, c + 3).getOpacity()).isCloseTo(0.38, within(0.05));
        assertThat(s.size()).isEqualTo(24);
    }

    @Test
    void markersOnlyWhenBigEnough() {
        SeatSprites.Sprite big = sprites.get(GREEN, SeatStatus.BLOCKED, Set.of(), 10, palette);
        int c = (int) big.centre();
        assertThat(big.image().getPixelReader().getColor(c, c)).isNotEqualTo(GREEN);   // the white bar

        SeatSprites.Sprite small = sprites.get(GREEN, SeatStatus.BLOCKED, Set.of(), 3, palette);
        int sc = (int) small.centre();
        assertThat(small.image().getPixelReader().getColor(sc, sc)).isEqualTo(GREEN);
    }

    @Test
    void wheelchairSpacesAreSquare() {
        SeatSprites.Sprite disc = sprites.get(GREEN, SeatStatus.FREE, Set.of(), 10, palette);
        SeatSprites.Sprite square = sprites.get(GREEN, SeatStatus.FREE, Set.of(SeatFlag.WHEELCHAIR), 10, palette);
        int c = (int) disc.centre();
        // Near the corner of the bounding square: outside a disc, inside a rounded square.
        assertThat(disc.image().getPixelReader().getColor(c + 8, c + 8).getOpacity()).isZero();
        assertThat(square.image().getPixelReader().getColor(c + 8, c + 8)).isEqualTo(GREEN);
    }

    @Test
    void picturesAreReusedForTheSameLookAndSize() {
        SeatSprites.Sprite a = sprites.get(GREEN, SeatStatus.FREE, Set.of(SeatFlag.AISLE), 10.05, palette);
        SeatSprites.Sprite b = sprites.get(GREEN, SeatStatus.FREE, Set.of(), 9.95, palette);
        assertThat(a).isSameAs(b);
        assertThat(sprites.get(Color.GREY, SeatStatus.SOLD, Set.of(), 10, palette)).isNotSameAs(a);
    }
}
