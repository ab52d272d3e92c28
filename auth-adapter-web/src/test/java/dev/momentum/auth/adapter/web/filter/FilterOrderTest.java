package dev.momentum.auth.adapter.web.filter;

import static org.assertj.core.api.Assertions.assertThat;

import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

class FilterOrderTest {

    /** Reading the class top to bottom is reading the filters first to last. */
    @Test
    void constantsAreDeclaredFirstToLast() throws IllegalAccessException {
        List<Field> constants = Arrays.stream(FilterOrder.class.getDeclaredFields())
                .filter(field -> Modifier.isStatic(field.getModifiers()) && field.getType() == int.class)
                .toList();
        int[] orders = new int[constants.size()];
        for (int i = 0; i < orders.length; i++) {
            orders[i] = constants.get(i).getInt(null);
        }
        assertThat(orders).hasSizeGreaterThan(5).isSorted();
    }
}
