package com.admitone.client.gate;

import com.google.zxing.DecodeHintType;
import com.google.zxing.ReaderException;
import com.google.zxing.ResultPoint;
import com.google.zxing.common.BitMatrix;
import com.google.zxing.common.DetectorResult;
import com.google.zxing.common.GridSampler;
import com.google.zxing.common.PerspectiveTransform;
import com.google.zxing.qrcode.decoder.Decoder;
import com.google.zxing.qrcode.detector.FinderPattern;

import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Second chances for a QR code whose three finder patterns ZXing's detector saw but whose grid it
 * got wrong, sampling the code on the straight grid those three patterns span (a ticket held flat
 * in front of a camera is an affine picture of it: no perspective worth bending for). Each costs
 * one grid sample and one decode, well under a millisecond, against a new search of the whole frame
 * (several milliseconds) for any other retry. Two ways ZXing 3.5 goes wrong on small, tilted,
 * JPEG-compressed dense codes (version 7 and up, which a ticket's 134-character token is):
 * <ul>
 *   <li>it takes a clump of data modules for the alignment pattern and bends the grid towards it
 *       ({@link #withoutAlignmentPattern});</li>
 *   <li>its module size, measured on blurred edges, comes out a few per cent large, the side then
 *       counts 47 modules instead of 49, a size no QR code has, and it gives up rather than try the
 *       two sizes either side ({@link #fromFinderCandidates}).</li>
 * </ul>
 */
final class StraightGrid {
    private StraightGrid() {
    }

    /** The detector's finder patterns with the alignment pattern it used left out. */
    static Optional<String> withoutAlignmentPattern(BitMatrix matrix, DetectorResult detected,
                                                    Map<DecodeHintType, ?> hints) throws ReaderException {
        ResultPoint[] points = detected.getPoints();
        if (points.length < 4) {
            return Optional.empty(); // no alignment pattern was used: that grid was already the straight one
        }
        int dimension = detected.getBits().getHeight();
        return decode(matrix, points[0], points[1], points[2], dimension, hints);
    }

    /**
     * The best right-angled, isosceles triangle of finder-pattern candidates the detector reported
     * while it searched, tried at the two code sizes nearest to what it spans.
     */
    static Optional<String> fromFinderCandidates(BitMatrix matrix, List<FinderPattern> candidates,
                                                 Map<DecodeHintType, ?> hints) {
        ResultPoint[] corners = bestTriangle(candidates);
        if (corners == null) {
            return Optional.empty();
        }
        ResultPoint.orderBestPatterns(corners); // bottom-left, top-left, top-right
        float moduleSize = 0;
        for (ResultPoint corner : corners) {
            moduleSize += ((FinderPattern) corner).getEstimatedModuleSize() / 3;
        }
        float modules = (ResultPoint.distance(corners[1], corners[2]) + ResultPoint.distance(corners[1], corners[0]))
                / 2 / moduleSize + 7;
        // QR code sides are 21, 25, 29, ... modules: the sizes of that form just below and above.
        int below = 4 * (int) Math.floor((modules - 1) / 4) + 1;
        int above = below + 4;
        boolean belowFirst = modules - below < above - modules;
        for (int dimension : belowFirst ? new int[]{below, above} : new int[]{above, below}) {
            if (dimension >= 21 && dimension <= 177) {
                try {
                    Optional<String> text = decode(matrix, corners[0], corners[1], corners[2], dimension, hints);
                    if (text.isPresent()) {
                        return text;
                    }
                } catch (ReaderException | RuntimeException e) {
                    // the other size, then
                }
            }
        }
        return Optional.empty();
    }

    private static ResultPoint[] bestTriangle(List<FinderPattern> candidates) {
        ResultPoint[] best = null;
        double bestScore = 0.1; // at most 10 % off a right-angled isosceles triangle
        int n = candidates.size();
        for (int i = 0; i < n; i++) {
            for (int j = i + 1; j < n; j++) {
                for (int k = j + 1; k < n; k++) {
                    FinderPattern a = candidates.get(i);
                    FinderPattern b = candidates.get(j);
                    FinderPattern c = candidates.get(k);
                    double score = triangleScore(a, b, c);
                    if (score < bestScore) {
                        bestScore = score;
                        best = new ResultPoint[]{a, b, c};
                    }
                }
            }
        }
        return best;
    }

    /** How far three finder patterns are from the corners of one code: 0 is a perfect fit. */
    private static double triangleScore(FinderPattern a, FinderPattern b, FinderPattern c) {
        float minModule = Math.min(a.getEstimatedModuleSize(), Math.min(b.getEstimatedModuleSize(), c.getEstimatedModuleSize()));
        float maxModule = Math.max(a.getEstimatedModuleSize(), Math.max(b.getEstimatedModuleSize(), c.getEstimatedModuleSize()));
        if (maxModule > 1.4f * minModule) {
            return Double.MAX_VALUE; // parts of one code have one module size
        }
        double[] sides = {ResultPoint.distance(a, b), ResultPoint.distance(b, c), ResultPoint.distance(a, c)};
        java.util.Arrays.sort(sides);
        double leg = (sides[0] + sides[1]) / 2;
        if (leg / maxModule < 14) {
            return Double.MAX_VALUE; // closer than the finder patterns of the smallest code
        }
        return Math.abs(sides[1] - sides[0]) / leg + Math.abs(sides[2] / leg - Math.sqrt(2)) / Math.sqrt(2);
    }

    private static Optional<String> decode(BitMatrix matrix, ResultPoint bottomLeft, ResultPoint topLeft,
                                           ResultPoint topRight, int dimension, Map<DecodeHintType, ?> hints)
            throws ReaderException {
        // Finder pattern centres sit 3.5 modules in from the corners; the fourth corner completes the parallelogram.
        float far = dimension - 3.5f;
        PerspectiveTransform transform = PerspectiveTransform.quadrilateralToQuadrilateral(
                3.5f, 3.5f, far, 3.5f, far, far, 3.5f, far,
                topLeft.getX(), topLeft.getY(), topRight.getX(), topRight.getY(),
                topRight.getX() - topLeft.getX() + bottomLeft.getX(), topRight.getY() - topLeft.getY() + bottomLeft.getY(),
                bottomLeft.getX(), bottomLeft.getY());
        BitMatrix bits = GridSampler.getInstance().sampleGrid(matrix, dimension, dimension, transform);
        return Optional.of(new Decoder().decode(bits, hints).getText());
    }
}
